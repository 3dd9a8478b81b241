import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { categoryLabel, CHANNEL_LABELS, type RateBody, type ReturnVisitItem } from '@gezhi/shared';
import { errorMessage } from '../../../api/client';
import { getReturnVisitPhone, recordReturnVisit, recordReturnVisitUnreachable } from '../../../api/endpoints';
import { RatingForm } from '../../../components/RatingForm';
import { Button } from '../../../ui/nutui';
import { toastError, toastSuccess } from '../../../utils/confirm';
import { formatDateTime } from '../../../utils/format';
import { dialPhone } from '../../../utils/phone-call';

export interface ReturnVisitCardProps {
  item: ReturnVisitItem;
  /** the item was rated (it leaves the list) or an attempt was recorded: reload */
  onRecorded: () => void;
  onOpen: (id: number) => void;
}

/**
 * One 待回访 item: who to call (name and number masked; 拨打 asks the server for the number only at that moment),
 * then 录入回访评价 (the three scores the person gave on the phone) or 联系不上.
 */
export function ReturnVisitCard({ item, onRecorded, onOpen }: ReturnVisitCardProps) {
  const [rating, setRating] = useState(false);
  const [busy, setBusy] = useState(false);

  const call = async () => {
    try {
      const { phone } = await getReturnVisitPhone(item.id);
      await dialPhone(phone);
    } catch (error) {
      // the user closing the dial sheet is not an error worth a toast; a refused number is
      if (error && typeof error === 'object' && 'code' in error) toastError(errorMessage(error));
    }
  };

  const unreachable = async () => {
    setBusy(true);
    try {
      await recordReturnVisitUnreachable(item.id, { note: '电话无人接听' });
      toastSuccess('已记录联系不上');
      onRecorded();
    } catch (error) {
      toastError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (body: RateBody) => {
    await recordReturnVisit(item.id, body);
    toastSuccess('回访评价已录入');
    setRating(false);
    onRecorded();
  };

  return (
    <View className='gz-card gz-return-visit' data-id={item.id}>
      <View className='gz-return-visit__head' onClick={() => onOpen(item.id)}>
        <Text className='gz-request-card__category'>{categoryLabel(item.category, item.subcategory)}</Text>
        <Text className='gz-return-visit__channel'>{CHANNEL_LABELS[item.channel]}</Text>
      </View>
      <Text className='gz-request-card__excerpt' onClick={() => onOpen(item.id)}>
        {item.excerpt}
      </Text>
      <Text className='gz-hint'>
        {item.gridName} · {item.address}
      </Text>
      <View className='gz-return-visit__contact'>
        <Text className='gz-return-visit__name'>联系人：{item.contactName}</Text>
        <Text className='gz-return-visit__phone'>{item.contactPhoneMasked ?? '未留电话'}</Text>
      </View>
      <Text className='gz-hint gz-return-visit__times'>
        办结于 {formatDateTime(item.resolvedAt)}，{formatDateTime(item.closesAt)} 前未评价将按「未评价」办结
      </Text>
      {item.unreachableAttempts > 0 ? <Text className='gz-return-visit__attempts'>已联系不上 {item.unreachableAttempts} 次</Text> : null}
      <View className='gz-return-visit__actions'>
        {item.hasPhone ? (
          <Button className='gz-return-visit__call' type='primary' size='small' onClick={call}>
            拨打电话
          </Button>
        ) : null}
        <Button className='gz-return-visit__rate' type='primary' fill='outline' size='small' onClick={() => setRating((open) => !open)}>
          {rating ? '收起' : '录入回访评价'}
        </Button>
        <Button className='gz-return-visit__unreachable' fill='outline' size='small' disabled={busy} onClick={unreachable}>
          联系不上
        </Button>
      </View>
      {rating ? (
        <RatingForm
          title='电话回访评价'
          hint='请按居民在电话中的评价打分；解决效果 2 星及以下将退回重办。'
          onSubmit={submit}
        />
      ) : null}
    </View>
  );
}
