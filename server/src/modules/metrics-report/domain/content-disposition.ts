/**
 * `Content-Disposition: attachment` with a UTF-8 filename (RFC 6266 / RFC 5987 `filename*`), plus a plain ASCII
 * `filename` for clients that do not read the extended form. Pure.
 */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/** Percent-encodes everything but RFC 5987's attr-chars (ALPHA / DIGIT / ! # $ & + - . ^ _ ` | ~). */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
