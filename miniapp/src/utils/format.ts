const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-22 09:05" (local time); today's items show only "今天 09:05". */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  if (sameDay) return `今天 ${time}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

/** Length as a person counts characters (an emoji is one). */
export function charCount(text: string): number {
  return Array.from(text).length;
}
