import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ErrorCode, LIMITS } from '@gezhi/shared';
import { ApiError, errorMessage } from '../../api/client';
import { Button } from '../../ui/nutui';

const WAITING_CODES: readonly string[] = [ErrorCode.AccountLocked, ErrorCode.RateLimited];

/** "操作过于频繁，请稍后再试（约 4 秒后可再试）": the refusal with the wait the server sent (RATE_LIMITED, ACCOUNT_LOCKED). */
export function loginErrorMessage(error: unknown): string {
  const message = errorMessage(error);
  if (error instanceof ApiError && WAITING_CODES.includes(error.code) && error.retryAfterSeconds) {
    const seconds = error.retryAfterSeconds;
    const wait = seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
    return `${message}（约 ${wait}后可再试）`;
  }
  return message;
}

export interface PasswordLoginFormProps {
  onSubmit: (account: string, password: string) => Promise<void>;
}

/** 账号密码登录 for staff and liaisons (a desktop browser, or before binding WeChat). */
export function PasswordLoginForm({ onSubmit }: PasswordLoginFormProps) {
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [locked, setLocked] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (submitting) return;
    if (!account.trim()) return setProblem('请输入账号');
    if (!password) return setProblem('请输入密码');
    setProblem('');
    setLocked(false);
    setSubmitting(true);
    try {
      await onSubmit(account.trim(), password);
    } catch (error) {
      setLocked(error instanceof ApiError && WAITING_CODES.includes(error.code));
      setProblem(loginErrorMessage(error));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='gz-card gz-password-login'>
      <Text className='gz-section-title'>账号密码登录</Text>
      <Text className='gz-hint'>工作人员、部门联络员使用</Text>
      <Text className='gz-field-label'>账号</Text>
      <Input
        className='gz-input gz-login-account'
        value={account}
        placeholder='请输入账号'
        maxlength={64}
        onInput={(e) => setAccount(e.detail.value)}
      />
      <Text className='gz-field-label'>密码</Text>
      <Input
        className='gz-input gz-login-password'
        value={password}
        password
        placeholder='请输入密码'
        maxlength={LIMITS.passwordMax}
        onInput={(e) => setPassword(e.detail.value)}
        onConfirm={() => void submit()}
      />
      {problem ? <Text className={`gz-form-error gz-login-error ${locked ? 'gz-login-error--locked' : ''}`}>{problem}</Text> : null}
      <Button className='gz-login-submit gz-submit' type='primary' size='xlarge' block loading={submitting} disabled={submitting} onClick={submit}>
        登录
      </Button>
    </View>
  );
}
