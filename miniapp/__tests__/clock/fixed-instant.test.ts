import { shanghaiDayOf } from '@gezhi/shared';

/** The component tests' clock starts at a named instant (jest.config.js), not at the day CI happens to run. */
describe('the component tests clock', () => {
  const expectedDay = process.env.COMPONENT_TESTS_AT ? shanghaiDayOf(Date.parse(process.env.COMPONENT_TESTS_AT)) : '2026-12-07';

  it('reads the named start day in Beijing, whatever the wall clock says', () => {
    expect(shanghaiDayOf(Date.now())).toBe(expectedDay);
    expect(shanghaiDayOf(new Date().getTime())).toBe(expectedDay);
  });

  it('runs on: time passes between two readings while timers fire', async () => {
    const before = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now()).toBeGreaterThanOrEqual(before + 20);
  });
});
