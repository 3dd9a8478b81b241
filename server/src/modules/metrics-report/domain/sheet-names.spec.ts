import { cleanSheetName, uniqueSheetNames } from './sheet-names';

describe('worksheet names', () => {
  it('keeps short Chinese names as they are', () => {
    expect(uniqueSheetNames(['团结街道', '明日星城社区', '明日星城社区·第一网格'])).toEqual(['团结街道', '明日星城社区', '明日星城社区·第一网格']);
  });

  it('cuts names to 31 characters without splitting a character', () => {
    const long = '很长的社区名称'.repeat(6);
    const [name] = uniqueSheetNames([long]);
    expect(Array.from(name)).toHaveLength(31);
    expect(long.startsWith(name)).toBe(true);
  });

  it('replaces characters Excel forbids and trims apostrophes', () => {
    expect(cleanSheetName("'团结/街道:[一]?*\\'")).toBe('团结-街道--一----');
    expect(cleanSheetName('  ')).toBe('工作表');
  });

  it('makes names unique (ignoring case), also against reserved ones, still within 31 characters', () => {
    expect(uniqueSheetNames(['第四网格', '第四网格', '第四网格'])).toEqual(['第四网格', '第四网格(2)', '第四网格(3)']);
    expect(uniqueSheetNames(['诉求明细'], ['诉求明细'])).toEqual(['诉求明细(2)']);
    expect(uniqueSheetNames(['Grid', 'grid'])).toEqual(['Grid', 'grid(2)']);
    const long = '长'.repeat(40);
    const names = uniqueSheetNames([long, long]);
    expect(names[1]).toBe(`${'长'.repeat(28)}(2)`);
    expect(names.every((n) => Array.from(n).length <= 31)).toBe(true);
  });
});
