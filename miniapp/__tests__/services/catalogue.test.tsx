import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, ResidentTag } from '@gezhi/shared';
import ServiceCataloguePage from '../../src/subpackages/services/pages/catalogue';
import { refreshMe } from '../../src/session/session';
import { setToken } from '../../src/session/token';
import { settle } from '../helpers';
import { CLINIC, DOOR_HAIRCUT, PENSION_PROXY, resident, service } from './fixtures';
import { fakeApi, refuse } from '../fake-api';
import { enablePageHooks, openPage } from '../pages';

const realFetch = window.fetch;
beforeAll(enablePageHooks);
afterEach(() => {
  window.fetch = realFetch;
});

const HAIRCUT = service();

async function signIn(me = resident(), routes: Record<string, unknown> = {}) {
  setToken('t-resident');
  const api = fakeApi({ 'GET /me': me, ...routes });
  await refreshMe();
  openPage();
  return api;
}

const cardOf = (container: HTMLElement, name: string) =>
  Array.from(container.querySelectorAll('.gz-service-card')).find((card) => card.textContent?.includes(name)) as HTMLElement;

describe('便民服务 catalogue', () => {
  it('shows each service with its kind, duration, provider and who may book it; greys what the resident may not book', async () => {
    await signIn(resident(), { 'GET /services': [CLINIC, HAIRCUT, { ...DOOR_HAIRCUT, eligibleForMe: false }, PENSION_PROXY] });
    const { container } = render(<ServiceCataloguePage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-service-card')).toHaveLength(4));

    const clinic = cardOf(container, '三九便民日·义诊');
    expect(clinic.textContent).toContain('独居老人、残疾人优先');
    expect(clinic.textContent).toContain('约 3 小时');
    expect(clinic.textContent).toContain('合作机构 · 团结街道社区卫生服务站');

    const door = cardOf(container, '上门理发');
    expect(door.className).toContain('gz-service-card--ineligible');
    expect(door.textContent).toContain('仅限独居老人、残疾人');
    expect(door.textContent).toContain('您暂不符合预约条件');
    expect(door.textContent).not.toContain('查看时段并预约');

    expect(cardOf(container, '三九便民日·理发').textContent).toContain('所有居民可预约');
    expect(cardOf(container, '养老认证代办').textContent).toContain('需准备：身份证、社保卡');
    expect(screen.getByText('没有找到想要的服务？')).toBeTruthy();
  });

  it('marks the services a tagged resident has priority for', async () => {
    await signIn(resident({ tags: [ResidentTag.ElderlyAlone] }), { 'GET /services': [CLINIC, { ...DOOR_HAIRCUT, eligibleForMe: true }, HAIRCUT] });
    const { container } = render(<ServiceCataloguePage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-service-card')).toHaveLength(3));
    expect(cardOf(container, '三九便民日·义诊').textContent).toContain('您属于优先服务对象');
    expect(cardOf(container, '上门理发').className).not.toContain('gz-service-card--ineligible');
    expect(cardOf(container, '三九便民日·理发').textContent).not.toContain('优先服务对象');
  });

  it('filters by kind: the chips list the kinds on offer, a chip keeps only its services', async () => {
    await signIn(resident(), { 'GET /services': [CLINIC, HAIRCUT, DOOR_HAIRCUT, PENSION_PROXY] });
    const { container } = render(<ServiceCataloguePage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-service-card')).toHaveLength(4));
    const chips = Array.from(container.querySelectorAll('.gz-kind-filter .gz-chip')).map((c) => c.textContent);
    expect(chips).toEqual(['全部', '上门服务', '代办服务', '预约服务']);

    fireEvent.click(screen.getByText('代办服务', { selector: '.gz-chip' }));
    await settle();
    expect(Array.from(container.querySelectorAll('.gz-service-card')).map((c) => c.querySelector('.gz-service-card__name')?.textContent)).toEqual([
      '养老认证代办',
    ]);

    fireEvent.click(screen.getByText('预约服务', { selector: '.gz-chip' }));
    await settle();
    expect(container.querySelectorAll('.gz-service-card')).toHaveLength(2);

    fireEvent.click(screen.getByText('全部', { selector: '.gz-chip' }));
    await settle();
    expect(container.querySelectorAll('.gz-service-card')).toHaveLength(4);
  });

  it('asks a resident without a bound home to bind it, without loading the catalogue', async () => {
    const api = await signIn(resident({ home: null }), { 'GET /services': [HAIRCUT] });
    render(<ServiceCataloguePage />);
    await settle();
    expect(screen.getByText('请先绑定您的住址')).toBeTruthy();
    expect(screen.getByText('去绑定住址')).toBeTruthy();
    expect(api.callsTo('GET', '/services')).toHaveLength(0);
  });

  it('shows the bind prompt when the server answers HOME_NOT_BOUND', async () => {
    await signIn(resident(), { 'GET /services': refuse(409, ErrorCode.HomeNotBound) });
    render(<ServiceCataloguePage />);
    await waitFor(() => expect(screen.getByText('请先绑定您的住址')).toBeTruthy());
  });

  it('shows an empty catalogue with a way to ask for a service, and a failed load with 重新加载', async () => {
    const api = await signIn(resident(), { 'GET /services': refuse(500, ErrorCode.Internal) });
    const { unmount } = render(<ServiceCataloguePage />);
    await waitFor(() => expect(screen.getByText('重新加载')).toBeTruthy());
    api.set({ 'GET /services': [] });
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => expect(screen.getByText('社区暂未发布便民服务')).toBeTruthy());
    expect(screen.getByText('提出服务需求')).toBeTruthy();
    unmount();
  });
});
