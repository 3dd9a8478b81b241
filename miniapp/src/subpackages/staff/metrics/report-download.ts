/**
 * Downloads a file the API generates (the monthly Excel report) with the signed-in user's token.
 * - H5: fetch with the bearer header → Blob → a temporary <a download="…"> click (the browser saves it under the
 *   server's Chinese filename from Content-Disposition);
 * - weapp: Taro.downloadFile into the user data folder under that name, then Taro.openDocument (fileType xlsx),
 *   from where it can be forwarded or saved.
 */
import Taro from '@tarojs/taro';
import { ApiError, ClientErrorCode, apiUrl, authorizationHeader, downloadError, type QueryValue } from '../../../api/client';

/** The filename from a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` first, then `filename="…"`. */
export function filenameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain parameter */
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = plain ? (plain[1] ?? plain[2]).trim() : '';
  return name || null;
}

export interface DownloadedFile {
  fileName: string;
  bytes: number;
}

async function downloadInBrowser(url: string, fallbackName: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', headers: authorizationHeader() });
  } catch {
    throw new ApiError(ClientErrorCode.Network, 0);
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw downloadError(response.status, body);
  }
  const blob = await response.blob();
  const fileName = filenameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has taken the blob once the click was handled
  setTimeout(() => URL.revokeObjectURL(href), 30000);
  return { fileName, bytes: blob.size };
}

async function downloadInWeapp(url: string, fallbackName: string, fileType: string): Promise<DownloadedFile> {
  // keep the readable name: openDocument shows it, and forwarding the file keeps it
  const userDataPath = (Taro.env as Record<string, string | undefined>).USER_DATA_PATH;
  const filePath = userDataPath ? `${userDataPath}/${fallbackName}` : undefined;
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url, header: authorizationHeader(), ...(filePath ? { filePath } : {}) });
  } catch {
    throw new ApiError(ClientErrorCode.Network, 0);
  }
  const savedPath = result.filePath || result.tempFilePath;
  if (result.statusCode < 200 || result.statusCode >= 300) {
    let body: unknown = null;
    try {
      body = JSON.parse(Taro.getFileSystemManager().readFileSync(savedPath, 'utf8') as string);
    } catch {
      body = null;
    }
    throw downloadError(result.statusCode, body);
  }
  await Taro.openDocument({ filePath: savedPath, fileType: fileType as 'xlsx', showMenu: true });
  return { fileName: fallbackName, bytes: result.dataLength ?? 0 };
}

/**
 * Downloads `path` (an API route, e.g. /metrics/report.xlsx) with `query`; `fallbackName` is used when the
 * server sends no filename (and always in weapp, where the name is chosen before the answer arrives).
 */
export function downloadApiFile(
  path: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
  fileType = 'xlsx',
): Promise<DownloadedFile> {
  const url = apiUrl(path, query);
  return process.env.TARO_ENV === 'h5' ? downloadInBrowser(url, fallbackName) : downloadInWeapp(url, fallbackName, fileType);
}
