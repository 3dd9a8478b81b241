import { useRouter } from '@tarojs/taro';
import type { RequestDetail } from '@gezhi/shared';
import { getRequest } from '../api/endpoints';
import { performOn, useRemote } from './useRemote';

/** The detail page's item (id from the route) and a helper that runs an action and shows the returned item. */
export function useRequestDetail() {
  const { params } = useRouter();
  const id = Number(params.id);
  const detail = useRemote(() => getRequest(id), [id]);

  /** Runs an action; the API answers with the updated item. Errors are rethrown for forms to show. */
  const perform = (action: () => Promise<RequestDetail>, successText: string) => performOn(detail, action, successText);

  return { id, detail, perform };
}
