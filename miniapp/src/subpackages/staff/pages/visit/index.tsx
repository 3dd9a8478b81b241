import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  CUSTODY_STEP_LABELS,
  CustodyStep,
  LIMITS,
  SERVICE_LIMITS,
  ServiceKind,
  VisitAction,
  type CustodyStepBody,
  type ProviderVisitView,
} from '@gezhi/shared';
import { errorMessage } from '../../../../api/client';
import { arriveVisit, completeVisit, confirmVisit, getProviderVisit, markVisitNoShow, recordCustodyStep } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { NoteForm } from '../../../../components/NoteForm';
import { PhotoGallery } from '../../../../components/PhotoGallery';
import { RatingSummary } from '../../../../components/RatingSummary';
import { useRemote } from '../../../../hooks/useRemote';
import { Button } from '../../../../ui/nutui';
import { confirmAction, toastError, toastSuccess } from '../../../../utils/confirm';
import { CustodyTimeline } from '../../../../components/CustodyTimeline';
import { BookingStatusTag } from '../../../../components/BookingStatusTag';
import { describeSlotTime } from '../../../../utils/service-schedule';
import { CustodyStepForm } from '../../visits/CustodyStepForm';
import { staleVisitMessage, waitsForVisitDay } from '../../visits/plan';
import { AddressLine } from '../../visits/VisitCard';
import '../../visits/visits.scss';

type OpenForm = 'complete' | 'custody' | null;

/**
 * One visit of the provider's day plan (`?id=<bookingId>`): the resident, address and note, the buttons of
 * `availableActions` — 确认, 已到达, 完成服务 (note + photos), 未上门/爽约 (asks first) —, 「预约日当天可操作」 while
 * 已到达 / 完成服务 wait for the slot's day (the server leaves them out before it), for 代办 the chain of custody
 * with the form of the next step, then the completion record and the resident's rating.
 */
export default function StaffVisitPage() {
  const { params } = useRouter();
  const id = Number(params?.id);
  const validId = Number.isInteger(id) && id > 0;
  const visit = useRemote(() => getProviderVisit(id), [id], validId);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [busy, setBusy] = useState<VisitAction | null>(null);
  const [notice, setNotice] = useState('');
  const data = visit.data;
  const can = (action: VisitAction) => data?.availableActions.includes(action) ?? false;

  usePullDownRefresh(async () => {
    setNotice('');
    await visit.reload();
    Taro.stopPullDownRefresh();
  });

  /**
   * Runs an action; the API answers with the updated visit. A lost race (cancelled meanwhile, someone else acted)
   * shows why and reloads; other errors are rethrown for the open form to show.
   */
  const perform = async (action: () => Promise<ProviderVisitView>, successText: string) => {
    setNotice('');
    try {
      visit.setData(await action());
      setOpenForm(null);
      toastSuccess(successText);
    } catch (error) {
      const stale = staleVisitMessage(error);
      if (!stale) {
        toastError(errorMessage(error));
        throw error;
      }
      setNotice(stale);
      setOpenForm(null);
      toastError(stale);
      void visit.reload();
    }
  };

  const tap = async (action: VisitAction, run: () => Promise<ProviderVisitView>, successText: string) => {
    setBusy(action);
    await perform(run, successText).catch(() => undefined);
    setBusy(null);
  };

  const noShow = async () => {
    const ok = await confirmAction({
      title: '标记未上门/爽约',
      content: '标记后该预约结束，不能撤销。确定居民未到场或未能上门服务吗？',
      confirmText: '确认爽约',
    });
    if (ok) await tap(VisitAction.NoShow, () => markVisitNoShow(id), '已标记为未上门');
  };

  if (!validId) {
    return (
      <View className='gz-page'>
        <LoadState loading={false} error={null} isEmpty emptyTitle='预约不存在' emptyDescription='请从上门服务计划中打开预约' />
      </View>
    );
  }

  const proxy = data?.service.kind === ServiceKind.Proxy;
  const received = data?.custody.find((e) => e.step === CustodyStep.DocumentsReceived)?.documents ?? [];

  return (
    <View className='gz-page gz-visit-detail'>
      {notice ? <Text className='gz-visit-notice'>{notice}</Text> : null}
      <LoadState loading={visit.loading && !data} error={data ? null : visit.error} onRetry={visit.reload}>
        {data ? (
          <>
            <View className='gz-card'>
              <View className='gz-row-between'>
                <Text className='gz-section-title'>{data.service.name}</Text>
                <BookingStatusTag status={data.status} label={data.statusLabel} />
              </View>
              <Text className='gz-visit-kind'>{data.service.kindLabel}</Text>
              <Text className='gz-visit-card__time gz-visit-detail__time'>{describeSlotTime(data)}</Text>
              {data.service.components.length ? (
                <Text className='gz-hint'>包含：{data.service.components.map((c) => c.name).join('、')}</Text>
              ) : null}
              <AddressLine visit={data} />
              <View className='gz-visit-detail__meta'>
                <Text>居民：{data.residentName}</Text>
                {data.residentPhoneMasked ? <Text>电话：{data.residentPhoneMasked}</Text> : null}
                {proxy && data.service.requiredDocuments.length ? <Text>所需材料：{data.service.requiredDocuments.join('、')}</Text> : null}
              </View>
              {data.note ? <Text className='gz-visit-card__note'>居民留言：{data.note}</Text> : null}
            </View>

            {proxy ? (
              <>
                <CustodyTimeline events={data.custody} hint='每一步收取、递交、归还都请当面确认后再记录，居民会同步看到。' />
                {data.nextCustodyStep ? (
                  openForm === 'custody' ? (
                    <CustodyStepForm
                      key={data.nextCustodyStep}
                      step={data.nextCustodyStep}
                      requiredDocuments={data.service.requiredDocuments}
                      receivedDocuments={received}
                      onCancel={() => setOpenForm(null)}
                      onSubmit={(body: CustodyStepBody) => perform(() => recordCustodyStep(id, body), `已登记${CUSTODY_STEP_LABELS[body.step]}`)}
                    />
                  ) : (
                    <Text className='gz-custody-next'>下一步：{CUSTODY_STEP_LABELS[data.nextCustodyStep]}</Text>
                  )
                ) : null}
              </>
            ) : null}

            {data.providerNote || data.completionPhotos.length ? (
              <View className='gz-card gz-visit-record'>
                <Text className='gz-section-title'>服务记录</Text>
                {data.providerNote ? <Text className='gz-detail-description'>{data.providerNote}</Text> : null}
                <PhotoGallery photos={data.completionPhotos} />
              </View>
            ) : null}

            {data.rating ? <RatingSummary rating={data.rating} /> : null}

            {openForm === 'complete' ? (
              <NoteForm
                className='gz-visit-complete-form'
                fieldClassName='gz-visit-note'
                title='完成服务'
                placeholder='写明服务情况（必填），可附上现场照片，居民会看到'
                submitText='确认完成'
                requiredText='请填写服务情况'
                maxLength={SERVICE_LIMITS.visitNoteMax}
                maxPhotos={LIMITS.photosPerNote}
                onCancel={() => setOpenForm(null)}
                onSubmit={(body) => perform(() => completeVisit(id, body), '服务已完成，等待居民评价')}
              />
            ) : null}

            {openForm === null ? (
              <View className='gz-staff-actions'>
                {waitsForVisitDay(data) ? <Text className='gz-hint gz-visit-day-hint'>预约日当天可操作（已到达、完成服务）</Text> : null}
                {can(VisitAction.Confirm) ? (
                  <Button
                    className='gz-visit-action-confirm'
                    type='primary'
                    size='xlarge'
                    block
                    loading={busy === VisitAction.Confirm}
                    onClick={() => tap(VisitAction.Confirm, () => confirmVisit(id), '已确认预约')}
                  >
                    确认
                  </Button>
                ) : null}
                {can(VisitAction.Arrive) ? (
                  <Button
                    className='gz-visit-action-arrive'
                    type='primary'
                    fill='outline'
                    size='xlarge'
                    block
                    loading={busy === VisitAction.Arrive}
                    onClick={() => tap(VisitAction.Arrive, () => arriveVisit(id), '已到达')}
                  >
                    已到达
                  </Button>
                ) : null}
                {proxy && data.nextCustodyStep ? (
                  <Button className='gz-visit-action-custody' type='primary' fill='outline' size='large' block onClick={() => setOpenForm('custody')}>
                    登记{CUSTODY_STEP_LABELS[data.nextCustodyStep]}
                  </Button>
                ) : null}
                {can(VisitAction.Complete) ? (
                  <Button className='gz-visit-action-complete' type='success' size='xlarge' block onClick={() => setOpenForm('complete')}>
                    完成服务
                  </Button>
                ) : null}
                {can(VisitAction.NoShow) ? (
                  <Button
                    className='gz-visit-action-no-show'
                    type='danger'
                    fill='outline'
                    size='large'
                    block
                    loading={busy === VisitAction.NoShow}
                    onClick={noShow}
                  >
                    未上门/爽约
                  </Button>
                ) : null}
              </View>
            ) : null}
          </>
        ) : null}
      </LoadState>
    </View>
  );
}
