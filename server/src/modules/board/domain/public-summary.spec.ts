import { REDACTED } from './anonymise';
import { approvedPublicSummary, publicSummaryDraft } from './public-summary';

const request = { description: '我是3号楼2单元501的宋美素，电话13604712345，楼上漏水。', contactName: '宋美素', publicSummary: null };

describe('the public summary of a resolved item', () => {
  it('drafts from the description, anonymised', () => {
    expect(publicSummaryDraft(request)).toBe(`我是3号楼的某某，电话${REDACTED.phone}，楼上漏水。`);
  });

  it('drafts from the approved summary once there is one', () => {
    expect(publicSummaryDraft({ ...request, publicSummary: '楼上防水层已修复' })).toBe('楼上防水层已修复');
  });

  it('anonymises what the handler approved, whatever they typed', () => {
    expect(approvedPublicSummary('  宋美素家楼上漏水已修好，回访电话138.0471.1234 ', request)).toBe(`某某家楼上漏水已修好，回访电话${REDACTED.phone}`);
  });

  it('stores nothing when the handler approved no text', () => {
    expect(approvedPublicSummary(undefined, request)).toBeNull();
    expect(approvedPublicSummary('   ', request)).toBeNull();
  });
});
