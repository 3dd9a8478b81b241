/** The bearer token, kept in Taro storage so it survives restarts. */
import Taro from '@tarojs/taro';
import { ROUTES } from '../navigation';

const TOKEN_KEY = 'gz.token';
let token: string | null = null;
let loaded = false;
const signedOutListeners = new Set<() => void>();

export function getToken(): string | null {
  if (!loaded) {
    loaded = true;
    try {
      token = (Taro.getStorageSync(TOKEN_KEY) as string) || null;
    } catch {
      token = null;
    }
  }
  return token;
}

export function setToken(value: string): void {
  token = value;
  loaded = true;
  Taro.setStorageSync(TOKEN_KEY, value);
}

export function clearToken(): void {
  token = null;
  loaded = true;
  Taro.removeStorageSync(TOKEN_KEY);
}

export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** The API said the token is missing, invalid or expired: forget it and show the login screen. */
export function handleUnauthenticated(): void {
  const hadToken = getToken() !== null;
  clearToken();
  signedOutListeners.forEach((listener) => listener());
  if (!hadToken) return;
  try {
    const pages = Taro.getCurrentPages();
    const current = pages[pages.length - 1]?.route;
    if (current && `/${current}`.split('?')[0] !== ROUTES.home) void Taro.reLaunch({ url: ROUTES.home }).catch(() => undefined);
  } catch {
    // no page stack (e.g. during start-up): the home page shows the login when it mounts
  }
}
