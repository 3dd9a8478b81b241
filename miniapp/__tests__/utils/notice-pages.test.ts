import { NOTICE_PAGES } from '@gezhi/shared';
import { ROUTES } from '../../src/navigation';

describe('the pages a notification opens (shared pageOf)', () => {
  it('are pages of the mini-program', () => {
    const routes = Object.values(ROUTES) as string[];
    for (const page of Object.values(NOTICE_PAGES)) expect(routes).toContain(`/${page}`);
  });
});
