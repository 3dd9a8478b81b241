import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { LIMITS, type Page, type PageQuery } from '@gezhi/shared';

export interface PagedList<T> {
  items: T[];
  total: number;
  /** first page loading (nothing to show yet) */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  hasMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** replace one item in place (e.g. a notification just marked read) */
  updateItem: (match: (item: T) => boolean, next: T) => void;
}

/**
 * A paginated list for a page: first page on mount and when `deps` change,
 * pull-to-refresh reloads (the page config needs enablePullDownRefresh), reaching the bottom loads more.
 */
export function usePagedList<T>(
  fetchPage: (query: Required<PageQuery>) => Promise<Page<T>>,
  deps: unknown[],
  enabled = true,
): PagedList<T> {
  const pageSize = LIMITS.pageSizeDefault;
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  /** the server stops counting at PAGE_COUNT_CAP (`totalCapped`): then a full last page means there may be more */
  const [countCapped, setCountCapped] = useState(false);
  const [lastPageFull, setLastPageFull] = useState(false);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sequence = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    setLoading(true);
    setError(null);
    try {
      const result = await fetchRef.current({ page: 1, pageSize });
      if (mine !== sequence.current) return;
      setItems(result.items);
      setTotal(result.total);
      setCountCapped(!!result.totalCapped);
      setLastPageFull(result.items.length >= pageSize);
      setPage(1);
    } catch (e) {
      if (mine === sequence.current) setError(e);
    } finally {
      if (mine === sequence.current) setLoading(false);
    }
  }, [pageSize]);

  const hasMore = page > 0 && (items.length < total || (countCapped && lastPageFull));

  const loadMore = useCallback(async () => {
    if (!hasMore || loading || loadingMore) return;
    const mine = sequence.current;
    setLoadingMore(true);
    try {
      const result = await fetchRef.current({ page: page + 1, pageSize });
      if (mine !== sequence.current) return;
      setItems((current) => [...current, ...result.items]);
      setTotal(result.total);
      setCountCapped(!!result.totalCapped);
      setLastPageFull(result.items.length >= pageSize);
      setPage(page + 1);
    } catch {
      Taro.showToast({ title: '加载失败，请上拉重试', icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  }, [hasMore, loading, loadingMore, page, pageSize]);

  useEffect(() => {
    if (enabled) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);

  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void loadMore();
  });

  const updateItem = useCallback((match: (item: T) => boolean, next: T) => {
    setItems((current) => current.map((item) => (match(item) ? next : item)));
  }, []);

  return { items, total, loading, loadingMore, error, hasMore, reload, loadMore, updateItem };
}
