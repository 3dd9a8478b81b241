/**
 * PIPL: the one masking rule for people, used by every view that shows a person who is not the viewer — request
 * lists and details for staff and liaisons, the metrics items behind a number, the monthly report's item list, the
 * public board (公示), provider visit plans and booking notices:
 *
 * - a name keeps its first character only (宋美素 → 宋**, 张芬 → 张*, 欧阳小明 → 欧***);
 * - a phone number keeps its first three and last four digits (13604712345 → 136****2345).
 *
 * Who sees a name in full: the person themself (a resident's own requests and bookings). Staff members appear under
 * their own names when they act in office (timeline actors, owners, coordinators): that is their role, not their
 * private data. Free text a resident wrote is anonymised separately where it leaves the handling staff
 * (server board/domain/anonymise.ts: the board, the report, the metrics items).
 */

/** 136****2345; '' for none. Spaces inside the number are ignored; a short number is masked whole. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** The first character and one star for each other one (宋美素 → 宋**); '' for none. By code point, not UTF-16 unit. */
export function maskPersonName(name: string | null | undefined): string {
  if (!name) return '';
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** A person as a view shows them: in full to themself, masked (宋**) to anyone else. */
export function personNameFor(name: string | null | undefined, viewer: { isSelf: boolean }): string {
  return viewer.isSelf ? (name ?? '') : maskPersonName(name);
}
