import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BookingStatus, CANCELLABLE_BOOKING_STATUSES, ServiceKind, type BookingView } from '@gezhi/shared';
import { cancelBooking, getBooking, rateBooking } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { PhotoGallery } from '../../../../components/PhotoGallery';
import { RatingForm } from '../../../../components/RatingForm';
import { RatingSummary } from '../../../../components/RatingSummary';
import { SignInRequiredPage } from '../../../../components/SignInRequired';
import { performOn, useRemote } from '../../../../hooks/useRemote';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { confirmAction } from '../../../../utils/confirm';
import { formatDateTime } from '../../../../utils/format';
import { describeSlotTime } from '../../../../utils/service-schedule';
import { BookingStatusTag } from '../../../../components/BookingStatusTag';
import { CustodyTimeline } from '../../../../components/CustodyTimeline';
import { CANCEL_CUTOFF_TEXT } from '../../../../utils/service-format';
import '../../services.scss';

/**
 * One booking of the resident: what, when, where, status; 取消预约 (asks first) until the cut-off; the 代办 custody
 * steps; the provider's note and photos; rating the completed visit (three dimensions), then the rating given.
 */
export default function BookingPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const { signedIn } = useSession();
  const detail = useRemote(() => getBooking(id), [id], signedIn);
  const booking = detail.data;

  usePullDownRefresh(async () => {
    await detail.reload();
    Taro.stopPullDownRefresh();
  });

  const perform = (action: () => Promise<BookingView>, successText: string) => performOn(detail, action, successText);

  const cancel = async () => {
    const ok = await confirmAction({
      title: '取消预约',
      content: '取消后名额将让给其他居民，确定取消这次预约吗？',
      confirmText: '确定取消',
    });
    if (ok) await perform(() => cancelBooking(id), '已取消预约').catch(() => undefined);
  };

  if (!signedIn) return <SignInRequiredPage />;

  const holdsPlace = !!booking && CANCELLABLE_BOOKING_STATUSES.includes(booking.status);
  const showCustody = !!booking && (booking.service.kind === ServiceKind.Proxy || booking.custody.length > 0) && booking.status !== BookingStatus.Cancelled;

  return (
    <View className='gz-page gz-booking-page'>
      <LoadState loading={detail.loading && !booking} error={booking ? null : detail.error} onRetry={detail.reload}>
        {booking ? (
          <>
            <View className='gz-card gz-booking-detail'>
              <View className='gz-row-between'>
                <Text className='gz-section-title'>{booking.service.name}</Text>
                <BookingStatusTag status={booking.status} label={booking.statusLabel} />
              </View>
              <View className='gz-detail-meta'>
                <Text>服务方式：{booking.service.kindLabel}</Text>
                {booking.service.components.length ? (
                  <Text>包含：{booking.service.components.map((c) => c.name).join('、')}</Text>
                ) : null}
                <Text className='gz-booking-detail__time'>时间：{describeSlotTime(booking.slot)}</Text>
                {booking.address ? <Text className='gz-booking-detail__address'>上门地址：{booking.address}</Text> : null}
                {booking.note ? <Text>我的备注：{booking.note}</Text> : null}
                <Text>预约于：{formatDateTime(booking.createdAt)}</Text>
                {booking.cancelledAt ? <Text>取消于：{formatDateTime(booking.cancelledAt)}</Text> : null}
              </View>
            </View>

            {showCustody ? <CustodyTimeline events={booking.custody} /> : null}

            {booking.providerNote || booking.completionPhotos.length ? (
              <View className='gz-card gz-provider-record'>
                <Text className='gz-section-title'>服务记录</Text>
                {booking.providerNote ? <Text className='gz-detail-description gz-provider-note'>{booking.providerNote}</Text> : null}
                <PhotoGallery photos={booking.completionPhotos} />
              </View>
            ) : null}

            {booking.rating ? <RatingSummary rating={booking.rating} title='我的评价' /> : null}
            {booking.canRate ? (
              <RatingForm
                title='请为这次服务评价'
                hint='您的评价会帮助社区改进服务。'
                warnsRework={false}
                onSubmit={(body) => perform(() => rateBooking(id, body), '感谢您的评价')}
              />
            ) : null}

            {booking.canCancel ? (
              <Button className='gz-cancel gz-booking-cancel' type='danger' fill='outline' size='large' block onClick={cancel}>
                取消预约
              </Button>
            ) : holdsPlace ? (
              <Text className='gz-cancel-cutoff'>{CANCEL_CUTOFF_TEXT}，如有变动请联系服务人员。</Text>
            ) : null}
          </>
        ) : null}
      </LoadState>
    </View>
  );
}
