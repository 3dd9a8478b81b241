import { View } from '@tarojs/components';

/** "加载中… / 上拉加载更多 / 没有更多了" under a paginated list. */
export function ListFooter({ loadingMore, hasMore, onLoadMore }: { loadingMore: boolean; hasMore: boolean; onLoadMore: () => void }) {
  if (loadingMore) return <View className='gz-list-footer'>加载中…</View>;
  if (hasMore)
    return (
      <View className='gz-list-footer gz-load-more' onClick={onLoadMore}>
        上拉或点击加载更多
      </View>
    );
  return <View className='gz-list-footer'>没有更多了</View>;
}
