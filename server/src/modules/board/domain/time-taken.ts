/**
 * How long an item took, for residents: whole minutes from filing to resolution, and a short Chinese label
 * with at most two units (「2天3小时」, 「1小时20分钟」, 「45分钟」, 「不足1分钟」). Pure.
 */
export interface TimeTaken {
  minutes: number;
  label: string;
}

const MINUTE_MS = 60_000;

export function timeTaken(filedAt: Date, resolvedAt: Date): TimeTaken {
  const minutes = Math.max(0, Math.floor((resolvedAt.getTime() - filedAt.getTime()) / MINUTE_MS));
  return { minutes, label: durationLabel(minutes) };
}

export function durationLabel(totalMinutes: number): string {
  const minutes = Math.max(0, Math.floor(totalMinutes));
  if (minutes === 0) return '不足1分钟';
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return rest > 0 ? `${hours}小时${rest}分钟` : `${hours}小时`;
  return `${rest}分钟`;
}
