/**
 * Excel worksheet names: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe,
 * unique within a workbook without regard to case. Pure.
 */
export const SHEET_NAME_MAX = 31;

/** A usable sheet name for each wanted name, in order: cleaned, cut to 31 characters, made unique with 「(2)」…. */
export function uniqueSheetNames(wanted: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  return wanted.map((raw) => {
    const base = cleanSheetName(raw);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = `${cutTo(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

export function cleanSheetName(raw: string): string {
  const cleaned = raw.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim();
  return cutTo(cleaned || '工作表', SHEET_NAME_MAX);
}

/** Cut by code point, so a Chinese character (or an emoji) is never split. */
function cutTo(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
