import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { toastError, toastSuccess } from '../utils/confirm';

export interface Remote<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/** Loads one resource; reloads when `deps` change; ignores responses that arrive after a newer load began. */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[], enabled = true): Remote<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const sequence = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    setLoading(true);
    setError(null);
    try {
      const result = await loadRef.current();
      if (mine === sequence.current) setData(result);
    } catch (e) {
      if (mine === sequence.current) setError(e);
    } finally {
      if (mine === sequence.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);

  return { data, error, loading, reload, setData };
}

/**
 * Runs an action that answers with the updated resource and shows it (toast `successText`); on failure shows the
 * error's message, reloads the current state (someone else may have changed it) and rethrows for forms to show.
 */
export async function performOn<T>(remote: Remote<T>, action: () => Promise<T>, successText: string): Promise<void> {
  try {
    remote.setData(await action());
    toastSuccess(successText);
  } catch (error) {
    toastError(errorMessage(error));
    void remote.reload();
    throw error;
  }
}
