import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Role, ROLE_LABELS } from '@gezhi/shared';
import { LoadState } from '../../components/LoadState';
import { errorMessage } from '../../api/client';
import { goBindHome, goLiaisonInbox, goMyBookings, goMyRequests, goNewRequest, goServiceCatalogue, goStaffInbox } from '../../navigation';
import { bindWechatIdentity, getLoginMethod, isLiaison, isStaff, refreshMe, signOut, useSession } from '../../session/session';
import { toastError, toastSuccess } from '../../utils/confirm';
import { refreshUnreadBadge } from '../../session/unread-badge';
import { Button } from '../../ui/nutui';
import { LoginPanel } from './LoginPanel';
import { goCommunityBoard } from '../../navigation';
import './index.scss';

export default function HomePage() {
  const { signedIn, me } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [binding, setBinding] = useState(false);
  const [loginMethod, setLoginMethodState] = useState(getLoginMethod());

  /** weapp: a staff member or liaison signed in by password binds this WeChat identity (one-tap login next time) */
  const bindWechat = async () => {
    setBinding(true);
    try {
      await bindWechatIdentity();
      setLoginMethodState('wechat');
      toastSuccess('已绑定微信');
    } catch (e) {
      toastError(errorMessage(e));
    } finally {
      setBinding(false);
    }
  };

  const load = async () => {
    setError(null);
    try {
      await refreshMe();
      void refreshUnreadBadge();
    } catch (e) {
      setError(e);
    }
  };

  useDidShow(() => {
    setLoginMethodState(getLoginMethod());
    if (signedIn) void load();
  });

  const canBindWechat =
    process.env.TARO_ENV === 'weapp' && !!me && (isStaff(me) || isLiaison(me)) && loginMethod !== null && loginMethod !== 'wechat';

  if (!signedIn)
    return (
      <View className='gz-page'>
        <LoginPanel
          onSignedIn={() => {
            setLoginMethodState(getLoginMethod());
            void refreshUnreadBadge();
          }}
        />
      </View>
    );

  return (
    <View className='gz-page gz-home'>
      <LoadState loading={!me && !error} error={me ? null : error} onRetry={load}>
        {me ? (
          <>
            <View className='gz-card'>
              <Text className='gz-home__greeting'>您好，{me.nickname}</Text>
              <Text className='gz-hint'>{ROLE_LABELS[me.role]}</Text>
            </View>

            {me.home ? (
              <View className='gz-card gz-home__home'>
                <Text className='gz-section-title'>我的住址</Text>
                <Text className='gz-home__address'>{me.home.address}</Text>
                <Text className='gz-hint'>所属网格：{me.home.gridName}</Text>
                <View className='gz-home__leader'>
                  <View>
                    <Text className='gz-home__leader-name'>网格长 {me.home.gridLeaderName ?? '（暂未配置）'}</Text>
                    {me.home.gridLeaderPhoneMasked ? <Text className='gz-hint'> {me.home.gridLeaderPhoneMasked}</Text> : null}
                  </View>
                  <Button type='primary' fill='outline' size='large' onClick={goNewRequest}>
                    一键找网格长
                  </Button>
                </View>
              </View>
            ) : me.role === Role.Resident ? (
              <View className='gz-card gz-home__bind'>
                <Text className='gz-section-title'>您还没有绑定住址</Text>
                <Text className='gz-hint'>绑定后，您反映的问题会直接派给您所在网格的网格长。</Text>
                <Button type='primary' size='large' block onClick={goBindHome}>
                  去绑定住址
                </Button>
              </View>
            ) : null}

            {me.role === Role.Resident || me.home ? (
              <Button className='gz-home__report' type='primary' size='xlarge' block onClick={me.home ? goNewRequest : goBindHome}>
                我要反映
              </Button>
            ) : null}

            {isStaff(me) ? (
              <View className='gz-card gz-home__staff'>
                <Text className='gz-section-title'>工作人员</Text>
                <Text className='gz-hint'>负责：{me.staff?.gridNames.join('、') || '—'}</Text>
                <Button className='gz-home__workbench' type='primary' size='xlarge' block onClick={goStaffInbox}>
                  进入工作台
                </Button>
              </View>
            ) : null}

            {isLiaison(me) ? (
              <View className='gz-card gz-home__liaison-card'>
                <Text className='gz-section-title'>部门联络员</Text>
                <Text className='gz-hint'>所属部门：{me.department?.name ?? '—'}</Text>
                <Button className='gz-home__liaison' type='primary' size='xlarge' block onClick={goLiaisonInbox}>
                  进入联络员工作台
                </Button>
              </View>
            ) : null}

            {canBindWechat ? (
              <View className='gz-card gz-home__bind-wechat'>
                <Text className='gz-hint'>绑定后可在小程序中使用微信一键登录</Text>
                <Button className='gz-bind-wechat' type='primary' fill='outline' size='large' block loading={binding} onClick={bindWechat}>
                  绑定微信
                </Button>
              </View>
            ) : null}

            {me.role === Role.Resident ? (
              <View className='gz-card gz-home__services-card'>
                <View className='gz-list-row gz-home__services' onClick={goServiceCatalogue}>
                  <Text>便民服务</Text>
                  <Text className='gz-hint'>理发、义诊、代办… ›</Text>
                </View>
                <View className='gz-list-row gz-home__bookings' onClick={goMyBookings}>
                  <Text>我的预约</Text>
                  <Text className='gz-hint'>›</Text>
                </View>
              </View>
            ) : null}

            {me.home ? (
              <View className='gz-card gz-home__board-card'>
                <View className='gz-list-row gz-home__board' onClick={goCommunityBoard}>
                  <Text>社区公示</Text>
                  <Text className='gz-hint'>办结率、满意率和已办结事项 ›</Text>
                </View>
              </View>
            ) : null}

            {me.role === Role.Resident ? (
              <View className='gz-card'>
                <View className='gz-list-row' onClick={goMyRequests}>
                  <Text>我的诉求</Text>
                  <Text className='gz-hint'>查看进度 ›</Text>
                </View>
                <View className='gz-list-row' onClick={goBindHome}>
                  <Text>{me.home ? '更换住址' : '绑定住址'}</Text>
                  <Text className='gz-hint'>›</Text>
                </View>
              </View>
            ) : null}

            <View className='gz-home__signout' onClick={signOut}>
              退出登录
            </View>
          </>
        ) : null}
      </LoadState>
    </View>
  );
}
