import { maskPersonName, maskPhone, personNameFor } from './privacy';

describe('the one masking rule for people', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('136 0471 2345')).toBe('136****2345');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone(null)).toBe('');
    expect(maskPhone(undefined)).toBe('');
  });

  it('keeps only the first character of a name, one star for each other one', () => {
    expect(maskPersonName('宋美素')).toBe('宋**');
    expect(maskPersonName('张芬')).toBe('张*');
    expect(maskPersonName('欧阳小明')).toBe('欧***');
    expect(maskPersonName('李')).toBe('李*');
    expect(maskPersonName('𠮷田')).toBe('𠮷*');
    expect(maskPersonName(' 王海燕 ')).toBe('王**');
    expect(maskPersonName('')).toBe('');
    expect(maskPersonName(null)).toBe('');
  });

  it('shows a person in full to themself only', () => {
    expect(personNameFor('宋美素', { isSelf: true })).toBe('宋美素');
    expect(personNameFor('宋美素', { isSelf: false })).toBe('宋**');
  });
});
