import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS } from '@gezhi/shared';
import { errorMessage } from '../../api/client';
import { getAuthOptions } from '../../api/endpoints';
import { LoadState } from '../../components/LoadState';
import { PasswordLoginForm } from '../../components/PasswordLoginForm';
import { useRemote } from '../../hooks/useRemote';
import { signInWithDemoAccount, signInWithPassword, signInWithWechat } from '../../session/session';
import { Button } from '../../ui/nutui';
import { toastError } from '../../utils/confirm';

/** Not signed in: WeChat login in the mini-program, and the demo accounts when the server offers them. */
export function LoginPanel({ onSignedIn }: { onSignedIn: () => void }) {
  const options = useRemote(getAuthOptions, []);
  const [busy, setBusy] = useState<string | null>(null);
  /** weapp: the password form stays folded behind a link (staff who have not bound WeChat yet) */
  const [showPassword, setShowPassword] = useState(false);

  const run = async (key: string, signIn: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await signIn();
      onSignedIn();
    } catch (error) {
      toastError(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const wechatAvailable = process.env.TARO_ENV === 'weapp' && options.data?.wechatLogin;
  const demoAccounts = options.data?.devLogin ? options.data.demoAccounts : [];
  const passwordAvailable = !!options.data?.passwordLogin;
  // H5 is the desktop-browser client of staff and liaisons: the form shows at once; in weapp on request
  const passwordOpen = passwordAvailable && (process.env.TARO_ENV !== 'weapp' || showPassword);

  return (
    <View className='gz-login'>
      <View className='gz-card gz-login__welcome'>
        <Text className='gz-login__title'>格治 · 社区网格服务</Text>
        <Text className='gz-hint'>身边的事，一键反映；网格长接单，办结由您评价。</Text>
      </View>
      <LoadState
        loading={options.loading}
        error={options.error}
        onRetry={options.reload}
        isEmpty={!wechatAvailable && demoAccounts.length === 0 && !passwordAvailable}
        emptyTitle='暂无可用的登录方式'
        emptyDescription='请在微信中打开本小程序'
      >
        {wechatAvailable ? (
          <Button
            type='primary'
            size='xlarge'
            block
            loading={busy === 'wechat'}
            onClick={() => run('wechat', signInWithWechat)}
          >
            微信一键登录
          </Button>
        ) : null}
        {passwordOpen ? (
          <PasswordLoginForm
            onSubmit={async (account, password) => {
              await signInWithPassword(account, password);
              onSignedIn();
            }}
          />
        ) : passwordAvailable ? (
          <View className='gz-login__password-link gz-list-row' onClick={() => setShowPassword(true)}>
            <Text>工作人员账号密码登录</Text>
            <Text className='gz-hint'>›</Text>
          </View>
        ) : null}
        {demoAccounts.length ? (
          <View className='gz-card gz-login__demo'>
            <Text className='gz-section-title'>演示账号登录</Text>
            {demoAccounts.map((account) => (
              <View
                key={account.account}
                className='gz-demo-account gz-list-row'
                onClick={() => (busy ? undefined : run(account.account, () => signInWithDemoAccount(account.account)))}
              >
                <Text>{account.label}</Text>
                <Text className='gz-hint'>
                  {busy === account.account ? '登录中…' : `${ROLE_LABELS[account.role]} · ${account.account}`}
                </Text>
              </View>
            ))}
          </View>
        ) : null}
      </LoadState>
    </View>
  );
}
