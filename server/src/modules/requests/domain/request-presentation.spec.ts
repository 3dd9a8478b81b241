import { contactPhoneFor, excerpt, formatSerial, reporterNameFor } from './request-presentation';

describe('request presentation', () => {
  it('formats the serial as GZ with an eight-digit zero-padded id', () => {
    expect(formatSerial(123)).toBe('GZ00000123');
  });

  it('cuts the excerpt at 80 characters without splitting a character', () => {
    const text = '漏'.repeat(100);
    expect(Array.from(excerpt(text)).length).toBe(81);
    expect(excerpt('卫生间吊顶渗水')).toBe('卫生间吊顶渗水');
  });

  it("masks the reporter's name for everyone but the reporter", () => {
    expect(reporterNameFor('张芬', { viewerIsOwner: false })).toBe('张*');
    expect(reporterNameFor('宋美素', { viewerIsOwner: false })).toBe('宋**');
    expect(reporterNameFor('张芬', { viewerIsOwner: true })).toBe('张芬');
  });

  it('masks the contact phone for staff and leaves it out of the owner view', () => {
    expect(contactPhoneFor('13812345678', { viewerIsOwner: false })).toBe('138****5678');
    expect(contactPhoneFor('13812345678', { viewerIsOwner: true })).toBeNull();
    expect(contactPhoneFor(null, { viewerIsOwner: false })).toBeNull();
  });
});
