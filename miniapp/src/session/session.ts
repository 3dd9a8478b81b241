/**
 * The signed-in user (`Me`) as a tiny observable store, plus the login/logout operations.
 * Pages read it with `useSession()`.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { isStaffRole, type LoginResponse, type Me } from '@gezhi/shared';
import { getMe, loginWithDemoAccount, loginWithWechatCode } from '../api/endpoints';
import { clearToken, getToken, onSignedOut, setToken } from './token';

export interface SessionState {
  signedIn: boolean;
  me: Me | null;
}

let state: SessionState = { signedIn: getToken() !== null, me: null };
const listeners = new Set<(s: SessionState) => void>();

function update(next: Partial<SessionState>) {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener(state));
}

onSignedOut(() => update({ signedIn: false, me: null }));

export function getSession(): SessionState {
  return state;
}

function acceptLogin(response: LoginResponse): Me {
  setToken(response.token);
  update({ signedIn: true, me: response.me });
  return response.me;
}

export async function signInWithDemoAccount(account: string): Promise<Me> {
  return acceptLogin(await loginWithDemoAccount(account));
}

/** weapp: wx.login() gives a single-use code that the server exchanges for the openid. */
export async function signInWithWechat(): Promise<Me> {
  const { code } = await Taro.login();
  return acceptLogin(await loginWithWechatCode(code));
}

export async function refreshMe(): Promise<Me> {
  const me = await getMe();
  update({ signedIn: true, me });
  return me;
}

export function setMe(me: Me): void {
  update({ me });
}

export function signOut(): void {
  clearToken();
  update({ signedIn: false, me: null });
}

export function isStaff(me: Me | null): boolean {
  return !!me && isStaffRole(me.role);
}

export function useSession(): SessionState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}
