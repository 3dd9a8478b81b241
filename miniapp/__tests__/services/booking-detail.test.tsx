import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { BookingStatus, CustodyStep, ErrorCode, ServiceKind, type BookingView } from '@gezhi/shared';
import BookingPage from '../../src/subpackages/services/pages/booking';
import { refreshMe } from '../../src/session/session';
import { setToken } from '../../src/session/token';
import { settle, typeInto } from '../helpers';
import { booking, resident } from './fixtures';
import { fakeApi, refuse } from '../fake-api';
import { enablePageHooks, openPage } from '../pages';

const realFetch = window.fetch;
beforeAll(enablePageHooks);
afterEach(() => {
  window.fetch = realFetch;
});

async function openBooking(view: BookingView, more: Record<string, unknown> = {}) {
  setToken('t-resident');
  const api = fakeApi({ 'GET /me': resident(), [`GET /bookings/${view.id}`]: view, ...more });
  await refreshMe();
  openPage({ id: String(view.id) });
  const rendered = render(<BookingPage />);
  await waitFor(() => expect(rendered.container.querySelector('.gz-booking-detail')).toBeTruthy());
  return { api, ...rendered };
}

/** The confirmation dialog is Taro.showModal: on the web a DOM modal (one, reused) with 取消-side and 确定-side buttons. */
async function answerModal(side: 'confirm' | 'cancel', expectedText: string) {
  const button = await waitFor(() => {
    const found = document.querySelector(`.taro__modal .taro-model__${side}`) as HTMLElement | null;
    if (!found || found.textContent !== expectedText) throw new Error(`no modal button ${expectedText}`);
    return found;
  });
  fireEvent.click(button);
  await settle();
}

describe('booking detail: cancel', () => {
  it('asks before cancelling, then posts the cancel and shows 已取消', async () => {
    const mine = booking();
    const { api, container } = await openBooking(mine, {
      'POST /bookings/31/cancel': booking({ status: BookingStatus.Cancelled, canCancel: false, cancelledAt: new Date().toISOString() }),
    });
    fireEvent.click(screen.getByText('取消预约', { selector: 'taro-button-core *, taro-button-core' }));
    await settle();
    expect(document.body.textContent).toContain('确定取消这次预约吗');
    expect(api.callsTo('POST', '/bookings/31/cancel')).toHaveLength(0);
    await answerModal('confirm', '确定取消');
    await waitFor(() => expect(api.callsTo('POST', '/bookings/31/cancel')).toHaveLength(1));
    await waitFor(() => expect(container.querySelector('.gz-booking-status')?.textContent).toBe('已取消'));
    expect(container.querySelector('.gz-booking-cancel')).toBeNull();
  });

  it('does not cancel when the resident thinks again', async () => {
    const { api } = await openBooking(booking());
    fireEvent.click(screen.getByText('取消预约', { selector: 'taro-button-core *, taro-button-core' }));
    await settle();
    await answerModal('cancel', '再想想');
    expect(api.callsTo('POST', '/bookings/31/cancel')).toHaveLength(0);
  });

  it('hides 取消预约 past the 2-hour cut-off and says why', async () => {
    const { container } = await openBooking(booking({ canCancel: false }));
    expect(container.querySelector('.gz-booking-cancel')).toBeNull();
    expect(container.querySelector('.gz-cancel-cutoff')?.textContent).toContain('服务开始前 2 小时内不能在线取消');
  });

  it('CANCEL_TOO_LATE from the server: shows the message and the current state', async () => {
    const { api, container } = await openBooking(booking(), { 'POST /bookings/31/cancel': refuse(409, ErrorCode.CancelTooLate) });
    api.set({ 'GET /bookings/31': booking({ canCancel: false }) });
    fireEvent.click(screen.getByText('取消预约', { selector: 'taro-button-core *, taro-button-core' }));
    await settle();
    await answerModal('confirm', '确定取消');
    await waitFor(() => expect(container.querySelector('.gz-cancel-cutoff')).toBeTruthy());
    expect(api.callsTo('GET', '/bookings/31')).toHaveLength(2);
  });
});

describe('booking detail: rating, provider record, custody', () => {
  const completed = booking({
    status: BookingStatus.Completed,
    canCancel: false,
    canRate: true,
    providerNote: '已理发，老人很满意',
    completionPhotos: [{ id: 'p1', url: '/files/p1', bytes: 1000 }],
  });

  function tapStar(container: HTMLElement, row: string, score: number) {
    fireEvent.click(container.querySelectorAll(`.${row} .gz-star`)[score - 1]);
  }

  it('rates a completed visit on three dimensions, then shows the rating given', async () => {
    const rated = {
      ...completed,
      canRate: false,
      rating: { speed: 5, effect: 4, attitude: 5, comment: '师傅手艺好', ratedAt: new Date().toISOString() },
    };
    const { api, container } = await openBooking(completed, { 'POST /bookings/31/rate': rated });
    expect(container.querySelector('.gz-provider-note')?.textContent).toBe('已理发，老人很满意');
    expect(container.querySelectorAll('.gz-provider-record .gz-photos__item')).toHaveLength(1);
    // a booking's rating reopens nothing: no 重办 warning even for a low effect score
    tapStar(container, 'gz-rate-effect', 1);
    await settle();
    expect(container.querySelector('.gz-rework-hint')).toBeNull();

    tapStar(container, 'gz-rate-speed', 5);
    tapStar(container, 'gz-rate-effect', 4);
    tapStar(container, 'gz-rate-attitude', 5);
    await typeInto(container, 'gz-comment', '师傅手艺好');
    fireEvent.click(container.querySelector('.gz-submit') as HTMLElement);
    await waitFor(() => expect(api.callsTo('POST', '/bookings/31/rate')).toHaveLength(1));
    expect(api.callsTo('POST', '/bookings/31/rate')[0].body).toEqual({ speed: 5, effect: 4, attitude: 5, comment: '师傅手艺好' });

    await waitFor(() => expect(container.querySelector('.gz-rating-form')).toBeNull());
    expect(container.querySelector('.gz-rating-view')?.textContent).toContain('我的评价');
    expect(container.querySelectorAll('.gz-rating-view .gz-star--on')).toHaveLength(14);
  });

  it('shows no rating form once rated or before completion', async () => {
    const { container } = await openBooking(booking({ status: BookingStatus.Confirmed }));
    expect(container.querySelector('.gz-rating-form')).toBeNull();
    expect(container.querySelector('.gz-rating-view')).toBeNull();
  });

  it('shows the custody chain of a proxy errand: each step with who, when, documents or office; steps to come greyed', async () => {
    const received = new Date(Date.now() - 26 * 3600_000).toISOString();
    const submitted = new Date(Date.now() - 20 * 3600_000).toISOString();
    const proxy = booking({
      status: BookingStatus.Confirmed,
      service: { id: 6, name: '养老认证代办', kind: ServiceKind.Proxy, kindLabel: '代办服务', components: [] },
      custody: [
        {
          step: CustodyStep.DocumentsReceived,
          stepLabel: '已收取材料',
          documents: ['身份证', '社保卡'],
          office: null,
          note: null,
          actorName: '李网格',
          at: received,
        },
        { step: CustodyStep.Submitted, stepLabel: '已递交办理', documents: [], office: '区社保中心', note: '预计三个工作日', actorName: '李网格', at: submitted },
      ],
    });
    const { container } = await openBooking(proxy);
    const steps = Array.from(container.querySelectorAll('.gz-custody-item'));
    expect(steps.map((s) => s.querySelector('.gz-timeline-item__action')?.textContent)).toEqual(['已收取材料', '已递交办理', '已归还材料']);
    expect(steps[0].className).toContain('gz-custody-item--done');
    expect(steps[0].textContent).toContain('经办：李网格');
    expect(steps[0].textContent).toContain('材料：身份证、社保卡');
    expect(steps[1].textContent).toContain('递交至：区社保中心');
    expect(steps[1].textContent).toContain('预计三个工作日');
    expect(steps[1].className).toContain('gz-timeline-item--latest');
    expect(steps[2].className).toContain('gz-custody-item--pending');
    expect(steps[2].textContent).toContain('待办理');
  });

  it('shows the address of a door-to-door visit and the components of a bundle', async () => {
    const { container } = await openBooking(
      booking({
        address: '明日星城社区 1号楼 2单元 301室',
        service: {
          id: 9,
          name: '上门理发+磨刀',
          kind: ServiceKind.Bundle,
          kindLabel: '打包服务',
          components: [
            { id: 5, name: '上门理发' },
            { id: 3, name: '三九便民日·磨刀' },
          ],
        },
      }),
    );
    expect(container.querySelector('.gz-booking-detail__address')?.textContent).toContain('明日星城社区 1号楼 2单元 301室');
    expect(container.textContent).toContain('包含：上门理发、三九便民日·磨刀');
    expect(container.querySelector('.gz-custody')).toBeNull();
  });
});
