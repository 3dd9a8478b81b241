import { Text, View } from '@tarojs/components';
import { categoryLabel, CHANNEL_LABELS, HANDLING_LEVEL_LABELS, Urgency, type RequestDetail } from '@gezhi/shared';
import { formatDateTime } from '../../utils/format';
import { ChainTimeline } from '../ChainTimeline';
import { AssignmentsPanel, DeadlinesPanel } from '../ChainPanels';
import { SupervisionTag } from '../Supervision';
import { PhotoGallery } from '../PhotoGallery';
import { RatingSummary } from '../RatingSummary';
import { StatusTag } from '../StatusTag';
import { Timeline } from '../Timeline';

/**
 * Everything about one item that residents, staff and liaisons see; the pages add their own action panels.
 * `forStaff` (staff and liaisons): workflow status, contact, clocks (时限) and whistled departments; residents see
 * the plain-language status (statusLabel). Everyone sees the chain (办理链条) and the detailed timeline.
 */
export function RequestDetailView({ request, forStaff = false }: { request: RequestDetail; forStaff?: boolean }) {
  return (
    <View className='gz-request-detail'>
      <View className='gz-card'>
        <View className='gz-row-between'>
          <Text className='gz-section-title'>{categoryLabel(request.category, request.subcategory)}</Text>
          <StatusTag status={request.status} label={forStaff ? null : request.statusLabel} />
        </View>
        {forStaff ? <SupervisionTag supervision={request.supervision} /> : null}
        {request.urgency === Urgency.Urgent ? <Text className='gz-urgent-flag'>紧急</Text> : null}
        {request.reopenCount > 0 ? <Text className='gz-reopen-flag'>已重办 {request.reopenCount} 次</Text> : null}
        <Text className='gz-detail-description'>{request.description}</Text>
        <PhotoGallery photos={request.photos} />
        <View className='gz-detail-meta'>
          <Text>编号：{request.serial}</Text>
          <Text>地址：{request.address}</Text>
          <Text>网格：{request.gridName}（{HANDLING_LEVEL_LABELS[request.level]}层级办理）</Text>
          <Text>提交：{formatDateTime(request.createdAt)}</Text>
          {forStaff ? (
            <>
              <Text>反映人：{request.reporterName}</Text>
              {request.contactPhoneMasked ? <Text>联系电话：{request.contactPhoneMasked}</Text> : null}
              <Text>来源：{CHANNEL_LABELS[request.channel]}</Text>
            </>
          ) : null}
          {request.holderName ? <Text>当前经办：{request.holderName}</Text> : null}
        </View>
      </View>

      {request.rating ? <RatingSummary rating={request.rating} /> : null}

      {forStaff ? <DeadlinesPanel deadlines={request.deadlines} /> : null}
      {forStaff ? <AssignmentsPanel assignments={request.whistle} /> : null}

      <ChainTimeline events={request.timeline} assignments={request.whistle} />

      <View className='gz-card'>
        <Text className='gz-section-title'>办理进度</Text>
        <Timeline events={request.timeline} />
      </View>
    </View>
  );
}
