import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { UnverifiedHome } from '@gezhi/shared';
import { errorMessage } from '../../../api/client';
import { confirmHomeBinding, rejectHomeBinding } from '../../../api/endpoints';
import { Button } from '../../../ui/nutui';
import { confirmAction, toastError, toastSuccess } from '../../../utils/confirm';
import { formatDateTime } from '../../../utils/format';

export interface UnverifiedHomeCardProps {
  home: UnverifiedHome;
  /** decided (or someone else decided first): reload the list */
  onDecided: () => void;
}

/** One unconfirmed home: who (masked), which room, since when, items filed from it; 确认 or 驳回 (asks first). */
export function UnverifiedHomeCard({ home, onDecided }: UnverifiedHomeCardProps) {
  const [busy, setBusy] = useState(false);

  const decide = async (kind: 'confirm' | 'reject') => {
    const asked = await confirmAction(
      kind === 'confirm'
        ? { title: '确认住户', content: `确认 ${home.residentName} 住在 ${home.address}？`, confirmText: '确认' }
        : { title: '驳回绑定', content: `${home.residentName} 不住在 ${home.address}？驳回后需要居民重新绑定房屋。`, confirmText: '驳回' },
    );
    if (!asked) return;
    setBusy(true);
    try {
      await (kind === 'confirm' ? confirmHomeBinding : rejectHomeBinding)(home.residentUserId, { roomId: home.roomId });
      toastSuccess(kind === 'confirm' ? '已确认' : '已驳回');
      onDecided();
    } catch (error) {
      toastError(errorMessage(error));
      onDecided();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='gz-card gz-unverified-home'>
      <View className='gz-unverified-home__head'>
        <Text className='gz-unverified-home__name'>{home.residentName}</Text>
        <Text className='gz-unverified-flag'>未核实住户</Text>
      </View>
      <Text className='gz-unverified-home__address'>{home.address}</Text>
      <View className='gz-unverified-home__meta'>
        <Text>{home.phoneMasked ?? '未留电话'}</Text>
        <Text>{home.boundAt ? `${formatDateTime(home.boundAt)} 绑定` : '绑定时间不详'}</Text>
      </View>
      {home.requestCount > 0 ? <Text className='gz-unverified-home__requests'>已提交诉求 {home.requestCount} 件</Text> : null}
      <View className='gz-unverified-home__actions'>
        <Button className='gz-unverified-home__confirm' type='primary' size='large' disabled={busy} onClick={() => void decide('confirm')}>
          确认
        </Button>
        <Button className='gz-unverified-home__reject' type='default' size='large' disabled={busy} onClick={() => void decide('reject')}>
          驳回
        </Button>
      </View>
    </View>
  );
}
