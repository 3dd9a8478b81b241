import { attachmentDisposition, encodeRfc5987 } from './content-disposition';

describe('Content-Disposition with a Chinese filename', () => {
  it('sends the UTF-8 name as filename* and an ASCII fallback', () => {
    expect(attachmentDisposition('团结街道-2026年11月-数据月报.xlsx', 'gezhi-report-2026-11.xlsx')).toBe(
      `attachment; filename="gezhi-report-2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent('团结街道-2026年11月-数据月报.xlsx')}`,
    );
  });

  it('round-trips through decodeURIComponent', () => {
    const name = "明日星城社区 (第一网格)'s 报表*.xlsx";
    const header = attachmentDisposition(name, 'report.xlsx');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(encoded).not.toMatch(/[ '()*]/);
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('keeps the fallback printable ASCII without quotes', () => {
    expect(attachmentDisposition('x.xlsx', '报表"a\\b.xlsx')).toContain('filename="___a_b.xlsx"');
    expect(encodeRfc5987('a-b_c.d~e')).toBe('a-b_c.d~e');
  });
});
