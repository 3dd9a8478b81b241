import { useRouter } from '@tarojs/taro';
import type { RequestDetail } from '@gezhi/shared';
import { errorMessage } from '../api/client';
import { getRequest } from '../api/endpoints';
import { toastError, toastSuccess } from '../utils/confirm';
import { useRemote } from './useRemote';

/** The detail page's item (id from the route) and a helper that runs an action and shows the returned item. */
export function useRequestDetail() {
  const { params } = useRouter();
  const id = Number(params.id);
  const detail = useRemote(() => getRequest(id), [id]);

  /** Runs an action; the API answers with the updated item. Errors are rethrown for forms to show. */
  const perform = async (action: () => Promise<RequestDetail>, successText: string) => {
    try {
      detail.setData(await action());
      toastSuccess(successText);
    } catch (error) {
      toastError(errorMessage(error));
      // someone else changed it (or the state moved on): show the current state
      void detail.reload();
      throw error;
    }
  };

  return { id, detail, perform };
}
