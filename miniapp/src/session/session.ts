/**
 * The signed-in user (`Me`) as a tiny observable store, plus the login/logout operations.
 * Pages read it with `useSession()`.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { isStaffRole, Role, type LoginResponse, type Me } from '@gezhi/shared';
import { bindWechat, getMe, loginWithDemoAccount, loginWithPassword, loginWithWechatCode } from '../api/endpoints';
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

/** How this device signed in: a password or demo login may still bind its WeChat identity (绑定微信). */
export type LoginMethod = 'wechat' | 'password' | 'demo';
const LOGIN_METHOD_KEY = 'gz.loginMethod';

export function getLoginMethod(): LoginMethod | null {
  try {
    return (Taro.getStorageSync(LOGIN_METHOD_KEY) as LoginMethod) || null;
  } catch {
    return null;
  }
}

function setLoginMethod(method: LoginMethod | null): void {
  try {
    if (method) Taro.setStorageSync(LOGIN_METHOD_KEY, method);
    else Taro.removeStorageSync(LOGIN_METHOD_KEY);
  } catch {
    // storage full or unavailable: only the 绑定微信 hint depends on it
  }
}

function acceptLogin(response: LoginResponse, method: LoginMethod): Me {
  setToken(response.token);
  setLoginMethod(method);
  update({ signedIn: true, me: response.me });
  return response.me;
}

export async function signInWithDemoAccount(account: string): Promise<Me> {
  return acceptLogin(await loginWithDemoAccount(account), 'demo');
}

/** Staff and liaisons, e.g. in a desktop browser (H5). ACCOUNT_LOCKED carries retryAfterSeconds. */
export async function signInWithPassword(account: string, password: string): Promise<Me> {
  return acceptLogin(await loginWithPassword({ account: account.trim(), password }), 'password');
}

/** weapp, signed in by password: bind this WeChat identity so the next login is one tap. */
export async function bindWechatIdentity(): Promise<Me> {
  const { code } = await Taro.login();
  const me = await bindWechat(code);
  setLoginMethod('wechat');
  update({ me });
  return me;
}

/** weapp: wx.login() gives a single-use code that the server exchanges for the openid. */
export async function signInWithWechat(): Promise<Me> {
  const { code } = await Taro.login();
  return acceptLogin(await loginWithWechatCode(code), 'wechat');
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
  setLoginMethod(null);
  update({ signedIn: false, me: null });
}

export function isStaff(me: Me | null): boolean {
  return !!me && isStaffRole(me.role);
}

export function isLiaison(me: Me | null): boolean {
  return !!me && me.role === Role.Liaison;
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
