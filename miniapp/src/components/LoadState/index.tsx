import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ErrorCode } from '@gezhi/shared';
import { ApiError, ClientErrorCode, errorMessage } from '../../api/client';
import { Loading } from '../../ui/nutui';
import { EmptyState } from '../EmptyState';

export interface LoadStateProps {
  loading: boolean;
  error: unknown;
  /** shown when not loading, no error and `isEmpty` */
  isEmpty?: boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  /** a way forward from the empty state, e.g. 我要反映 */
  emptyActionText?: string;
  onEmptyAction?: () => void;
  onRetry?: () => void;
  children?: ReactNode;
}

function errorTitle(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case ClientErrorCode.Network:
      case ClientErrorCode.BadResponse:
        return '暂时连不上服务器';
      case ErrorCode.RequestNotFound:
      case ErrorCode.NotFound:
        return '内容不存在';
      case ErrorCode.Forbidden:
      case ErrorCode.NotStaff:
      case ErrorCode.NotInYourScope:
      case ErrorCode.NotInYourCommunity:
      case ErrorCode.NotInYourStreet:
      case ErrorCode.NotWhistledToYourDepartment:
        return '没有权限查看';
      default:
        return '加载失败';
    }
  }
  return '加载失败';
}

/** Loading / error (with retry) / empty / content — every screen that loads something uses this. */
export function LoadState(props: LoadStateProps) {
  const { loading, error, isEmpty, emptyTitle, emptyDescription, emptyActionText, onEmptyAction, onRetry, children } = props;
  if (loading) {
    return (
      <View className='gz-loading'>
        <Loading direction='vertical'>
          <Text className='gz-loading__text'>加载中…</Text>
        </Loading>
      </View>
    );
  }
  if (error) {
    return (
      <EmptyState
        tone='error'
        title={errorTitle(error)}
        description={errorMessage(error)}
        actionText={onRetry ? '重新加载' : undefined}
        onAction={onRetry}
      />
    );
  }
  if (isEmpty) {
    return (
      <EmptyState
        title={emptyTitle ?? '暂无内容'}
        description={emptyDescription}
        actionText={emptyActionText}
        onAction={onEmptyAction}
      />
    );
  }
  return <>{children}</>;
}
