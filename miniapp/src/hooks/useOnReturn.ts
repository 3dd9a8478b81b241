import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `onReturn` each time the page is shown again — back from a detail or a form where something changed —
 * but not on its first show (the page loads its data then anyway).
 */
export function useOnReturn(onReturn: () => void): void {
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else onReturn();
  });
}
