import { ErrorCode, SubscriptionsView } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { ManualClock } from '../src/common/clock';
import { OutboxState } from '../src/modules/wechat-messages/domain/outbox-state';
import { OutboxSender } from '../src/modules/wechat-messages/outbox-sender';
import { WechatOutboxMessage, WechatSubscription } from '../src/modules/wechat-messages/wechat-messages.entities';
import { fileRequest } from './support/factories';
import { FakeWechatServer } from './support/fake-wechat-server';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

const NEW_ASSIGNMENT = 'tmpl-new-assignment';
const REQUEST_UPDATE = 'tmpl-request-update';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

function wechatEnv(wechat: FakeWechatServer, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.secret,
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_TEMPLATE_NEW_ASSIGNMENT: NEW_ASSIGNMENT,
    WECHAT_TEMPLATE_REQUEST_UPDATE: REQUEST_UPDATE,
    ...extra,
  };
}

/** Binds a fresh WeChat identity to a staff client (as the desktop → mini-program flow does); returns the openid. */
async function bindWechat(client: ApiClient, wechat: FakeWechatServer, openid: string): Promise<string> {
  await client.post('/api/me/wechat-binding', { code: wechat.issueCode(openid) }).expect(200);
  return openid;
}

async function optIn(client: ApiClient, templateId: string, times = 1): Promise<SubscriptionsView> {
  let view: SubscriptionsView | undefined;
  for (let i = 0; i < times; i++) view = (await client.post('/api/me/subscriptions', { templateIds: [templateId] }).expect(200)).body;
  return view as SubscriptionsView;
}

function remainingOf(view: SubscriptionsView, templateId: string): number | undefined {
  return view.templates.find((t) => t.templateId === templateId)?.remaining;
}

describe('WeChat subscribe messages through the outbox', () => {
  let wechat: FakeWechatServer;
  let clock: ManualClock;
  let t: TestApp;
  let outbox: () => ReturnType<DataSource['getRepository']>;
  let sender: OutboxSender;
  let leader: ApiClient;
  let leaderOpenid: string;
  let resident: ApiClient;

  const rows = () => t.app.get(DataSource).getRepository(WechatOutboxMessage).find({ order: { id: 'ASC' } });
  const lastRow = async () => (await rows()).at(-1) as WechatOutboxMessage;
  const clearOutbox = () => t.app.get(DataSource).getRepository(WechatOutboxMessage).clear();

  beforeAll(async () => {
    wechat = await FakeWechatServer.start();
    clock = new ManualClock(new Date('2026-11-20T01:00:00Z'));
    // the timer stays off: each test drives the sender with sendOnce() and moves the clock itself
    t = await bootTestApp(wechatEnv(wechat, { OUTBOX_SENDER: 'false' }), { clock });
    outbox = () => t.app.get(DataSource).getRepository(WechatOutboxMessage);
    sender = t.app.get(OutboxSender);
    leader = await t.loginAs('gridleader1');
    leaderOpenid = await bindWechat(leader, wechat, 'o-gridleader1');
    resident = await t.loginAs('resident1');
  });

  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  beforeEach(async () => {
    await clearOutbox();
    wechat.resetMessages();
  });

  describe('opt-ins', () => {
    it('lists the configured templates with nothing left before any opt-in', async () => {
      const view = (await t.loginAs('gridleader2')).get('/api/me/subscriptions');
      expect((await view.expect(200)).body).toEqual({
        templates: [
          { purpose: 'REQUEST_UPDATE', templateId: REQUEST_UPDATE, remaining: 0 },
          { purpose: 'NEW_ASSIGNMENT', templateId: NEW_ASSIGNMENT, remaining: 0 },
        ],
      });
    });

    it("counts one opt-in per 'accept' and none for 'reject' (other keys of the wx result are ignored)", async () => {
      const officer = await t.loginAs('street1');
      await bindWechat(officer, wechat, 'o-street1');
      const answer = await officer
        .post('/api/me/subscriptions', {
          templateIds: [NEW_ASSIGNMENT, REQUEST_UPDATE],
          results: { [NEW_ASSIGNMENT]: 'accept', [REQUEST_UPDATE]: 'reject', errMsg: 'requestSubscribeMessage:ok' },
        })
        .expect(200);
      expect(remainingOf(answer.body, NEW_ASSIGNMENT)).toBe(1);
      expect(remainingOf(answer.body, REQUEST_UPDATE)).toBe(0);
      await officer.post('/api/me/subscriptions', { templateIds: [NEW_ASSIGNMENT] }).expect(200);
      const view = await officer.get('/api/me/subscriptions').expect(200);
      expect(remainingOf(view.body, NEW_ASSIGNMENT)).toBe(2);
    });

    it('refuses template ids this deployment does not use (400) and users without a WeChat identity (409)', async () => {
      const unknown = await leader.post('/api/me/subscriptions', { templateIds: ['someone-elses-template'] }).expect(400);
      expect(unknown.body.errors).toEqual({ templateIds: 'INVALID_ENUM' });
      const tooMany = await leader.post('/api/me/subscriptions', { templateIds: ['a', 'b', 'c', 'd'] }).expect(400);
      expect(tooMany.body.errors).toEqual({ templateIds: 'TOO_MANY' });
      const unbound = await (await t.loginAs('gridleader3')).post('/api/me/subscriptions', { templateIds: [NEW_ASSIGNMENT] }).expect(409);
      expect(unbound.body.code).toBe(ErrorCode.WechatNotBound);
    });
  });

  describe('queueing in the hand-off', () => {
    it('queues nothing for a recipient without an opt-in (the in-app notice still arrives)', async () => {
      const filed = await fileRequest(resident);
      expect(await rows()).toEqual([]);
      const inbox = await leader.get('/api/notifications?pageSize=5').expect(200);
      expect(inbox.body.items[0]).toMatchObject({ kind: 'REQUEST_ROUTED', requestId: filed.id });
      expect((await sender.sendOnce()).claimed).toBe(0);
      expect(wechat.sendRequests).toEqual([]);
    });

    it('sends exactly one message to the new holder after a hand-off, with the right touser, template and page', async () => {
      expect(remainingOf(await optIn(leader, NEW_ASSIGNMENT), NEW_ASSIGNMENT)).toBe(1);
      const filed = await fileRequest(resident);
      expect(remainingOf((await leader.get('/api/me/subscriptions').expect(200)).body, NEW_ASSIGNMENT)).toBe(0);
      expect(await rows()).toEqual([expect.objectContaining({ state: OutboxState.Pending, userId: leader.me?.id, requestId: filed.id })]);

      expect(await sender.sendOnce()).toEqual({ claimed: 1, sent: 1, failed: 0, retrying: 0, dead: 0 });
      expect(wechat.sentMessages).toEqual([
        {
          touser: leaderOpenid,
          template_id: NEW_ASSIGNMENT,
          page: `subpackages/staff/pages/request-detail/index?id=${filed.id}`,
          data: {
            character_string1: { value: filed.serial },
            thing2: { value: '新诉求待签收' },
            thing3: { value: expect.stringMatching(/^.{1,19}…$/) },
            time4: { value: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) },
          },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      ]);
      expect(await lastRow()).toMatchObject({ state: OutboxState.Sent, attempts: 1, lastError: null });
      expect((await sender.sendOnce()).claimed).toBe(0);
      expect(wechat.sentMessages).toHaveLength(1);
    });

    it('with one opt-in and two hand-offs, sends one message and does not queue the second', async () => {
      await optIn(leader, NEW_ASSIGNMENT);
      const first = await fileRequest(resident);
      await fileRequest(resident);
      expect((await rows()).map((r) => r.requestId)).toEqual([first.id]);
      await sender.sendOnce();
      expect(wechat.sentMessages.map((m) => m.page)).toEqual([`subpackages/staff/pages/request-detail/index?id=${first.id}`]);
    });

    it("tells a resident about their own request's progress with the REQUEST_UPDATE template", async () => {
      const login = await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode('o-resident-wx') }).expect(200);
      const wxResident = t.clientFor(login.body);
      const rooms = await wxResident.get(`/api/geo/rooms?buildingId=1`).expect(200);
      await wxResident.put('/api/me/home', { roomId: rooms.body[0].id }).expect(200);
      await optIn(wxResident, REQUEST_UPDATE);
      const filed = await fileRequest(wxResident);
      await leader.post(`/api/requests/${filed.id}/accept`).expect(200);
      await sender.sendOnce();
      expect(wechat.messagesTo('o-resident-wx')).toEqual([
        expect.objectContaining({
          template_id: REQUEST_UPDATE,
          page: `pages/request-detail/index?id=${filed.id}`,
          data: expect.objectContaining({ thing2: { value: '您的诉求已签收' } }),
        }),
      ]);
    });
  });

  describe('sending', () => {
    it('retries a transient failure with backoff (30 s, then 2 min) and then sends it', async () => {
      await optIn(leader, NEW_ASSIGNMENT);
      await fileRequest(resident);
      wechat.failNextSends(2, -1, 'system error');

      expect(await sender.sendOnce()).toMatchObject({ claimed: 1, retrying: 1 });
      const afterFirst = await lastRow();
      expect(afterFirst).toMatchObject({ state: OutboxState.Pending, attempts: 1, lastError: '-1 system error' });
      expect(afterFirst.nextAttemptAt.getTime() - clock.now().getTime()).toBe(30 * SECOND);

      clock.advance(29 * SECOND);
      expect((await sender.sendOnce()).claimed).toBe(0);
      clock.advance(1 * SECOND);
      expect(await sender.sendOnce()).toMatchObject({ claimed: 1, retrying: 1 });
      expect((await lastRow()).nextAttemptAt.getTime() - clock.now().getTime()).toBe(2 * MINUTE);

      clock.advance(2 * MINUTE);
      expect(await sender.sendOnce()).toMatchObject({ claimed: 1, sent: 1 });
      expect(await lastRow()).toMatchObject({ state: OutboxState.Sent, attempts: 3 });
      expect(wechat.sendRequests).toHaveLength(3);
      expect(wechat.sentMessages).toHaveLength(1);
    });

    it('marks a message FAILED for good on 43101 and forgets the opt-ins WeChat says are not there', async () => {
      await optIn(leader, NEW_ASSIGNMENT, 2);
      await fileRequest(resident);
      wechat.refuseNextSends(1);
      expect(await sender.sendOnce()).toMatchObject({ claimed: 1, failed: 1 });
      expect(await lastRow()).toMatchObject({ state: OutboxState.Failed, attempts: 1, lastError: '43101 user refuse to accept the msg' });
      expect(remainingOf((await leader.get('/api/me/subscriptions').expect(200)).body, NEW_ASSIGNMENT)).toBe(0);
      clock.advance(2 * 3600 * SECOND);
      expect((await sender.sendOnce()).claimed).toBe(0);
      expect(wechat.sentMessages).toEqual([]);
    });

    it('gives up after 6 tries (30 s, 2 min, 10 min, 1 h, 1 h apart): DEAD', async () => {
      await optIn(leader, NEW_ASSIGNMENT);
      await fileRequest(resident);
      wechat.failNextSends(6, 45009, 'reach max api daily quota limit');
      for (const wait of [0, 30 * SECOND, 2 * MINUTE, 10 * MINUTE, 60 * MINUTE, 60 * MINUTE]) {
        clock.advance(wait);
        expect((await sender.sendOnce()).claimed).toBe(1);
      }
      expect(await lastRow()).toMatchObject({ state: OutboxState.Dead, attempts: 6 });
      clock.advance(24 * 60 * MINUTE);
      expect((await sender.sendOnce()).claimed).toBe(0);
      expect(wechat.sendRequests).toHaveLength(6);
    });

    it('treats a dropped connection as transient', async () => {
      await optIn(leader, NEW_ASSIGNMENT);
      await fileRequest(resident);
      wechat.dropNextSends(1);
      expect(await sender.sendOnce()).toMatchObject({ retrying: 1 });
      clock.advance(30 * SECOND);
      expect(await sender.sendOnce()).toMatchObject({ sent: 1 });
    });

    it('refreshes an access token WeChat no longer accepts (40001) and sends in the same try', async () => {
      await optIn(leader, NEW_ASSIGNMENT);
      await fileRequest(resident);
      const tokensBefore = wechat.tokensIssued;
      wechat.expireAccessTokens();
      expect(await sender.sendOnce()).toMatchObject({ claimed: 1, sent: 1 });
      expect(wechat.tokensIssued).toBe(tokensBefore + 1);
      expect(await lastRow()).toMatchObject({ state: OutboxState.Sent, attempts: 1 });
    });

    it('reuses the cached access token between sends', async () => {
      await optIn(leader, NEW_ASSIGNMENT, 2);
      await fileRequest(resident);
      await sender.sendOnce();
      const tokens = wechat.tokensIssued;
      await fileRequest(resident);
      await sender.sendOnce();
      expect(wechat.tokensIssued).toBe(tokens);
      expect(wechat.sentMessages).toHaveLength(2);
    });

    it('claims a row again once the lease of a sender that died mid-send has run out (2 min)', async () => {
      await optIn(leader, NEW_ASSIGNMENT);
      await fileRequest(resident);
      const row = await lastRow();
      // what a sender that crashed right after claiming leaves behind
      await outbox().update(
        { id: row.id },
        { state: OutboxState.Sending, claimedBy: 'crashed-instance:1', claimedAt: clock.now(), attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + 2 * MINUTE) },
      );
      expect((await sender.sendOnce()).claimed).toBe(0);
      clock.advance(2 * MINUTE);
      expect(await sender.sendOnce()).toMatchObject({ claimed: 1, sent: 1 });
      expect(await lastRow()).toMatchObject({ state: OutboxState.Sent, attempts: 2 });
      expect(wechat.sentMessages).toHaveLength(1);
    });

    it('answers the hand-off normally while WeChat is down, and sends once it is back', async () => {
      await optIn(leader, NEW_ASSIGNMENT);
      wechat.cgiDown = true;
      try {
        const filed = await fileRequest(resident);
        expect(filed.status).toBe('PENDING_ACCEPT');
        expect(await sender.sendOnce()).toMatchObject({ claimed: 1, retrying: 1 });
        const accepted = await leader.post(`/api/requests/${filed.id}/accept`).expect(200);
        expect(accepted.body.status).toBe('IN_PROGRESS');
      } finally {
        wechat.cgiDown = false;
      }
      clock.advance(30 * SECOND);
      expect(await sender.sendOnce()).toMatchObject({ sent: 1 });
    });
  });

  describe('two sender instances on one database', () => {
    it('never send the same row twice', async () => {
      const second = await createApp(t.config, { logger: ['error'], clock });
      await second.init();
      try {
        const otherSender = second.get(OutboxSender);
        const count = 30;
        await optIn(leader, NEW_ASSIGNMENT, count);
        for (let i = 0; i < count; i++) await fileRequest(resident);
        expect(await outbox().count()).toBe(count);
        wechat.sendDelayMs = 20;
        let claims = 0;
        for (let round = 0; round < 10 && (await outbox().countBy({ state: OutboxState.Pending })) > 0; round++) {
          const reports = await Promise.all([sender.sendOnce(), otherSender.sendOnce(), sender.sendOnce(), otherSender.sendOnce()]);
          claims += reports.reduce((sum, report) => sum + report.claimed, 0);
        }
        // every row claimed once, sent once
        expect(claims).toBe(count);
        expect(wechat.sendRequests).toHaveLength(count);
        expect(new Set(wechat.sentMessages.map((m) => m.page)).size).toBe(count);
        expect(await outbox().countBy({ state: OutboxState.Sent })).toBe(count);
      } finally {
        wechat.sendDelayMs = 0;
        await second.close();
      }
    });
  });
});

describe('WeChat messages without templates configured', () => {
  it('queues nothing and offers no templates (in-app only)', async () => {
    const wechat = await FakeWechatServer.start();
    const t = await bootTestApp({ WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechat.baseUrl });
    try {
      const leader = await t.loginAs('gridleader1');
      await leader.post('/api/me/wechat-binding', { code: wechat.issueCode() }).expect(200);
      expect((await leader.get('/api/me/subscriptions').expect(200)).body).toEqual({ templates: [] });
      await fileRequest(await t.loginAs('resident1'));
      expect(await t.app.get(DataSource).getRepository(WechatSubscription).count()).toBe(0);
      expect(await t.app.get(DataSource).getRepository(WechatOutboxMessage).count()).toBe(0);
    } finally {
      await t.close();
      await wechat.close();
    }
  });
});

describe('the background sender', () => {
  it('runs inside the API instance and sends a queued message by itself', async () => {
    const wechat = await FakeWechatServer.start();
    const t = await bootTestApp(wechatEnv(wechat, { OUTBOX_INTERVAL_MS: '100' }));
    try {
      const leader = await t.loginAs('gridleader1');
      await bindWechat(leader, wechat, 'o-background');
      await optIn(leader, NEW_ASSIGNMENT);
      await fileRequest(await t.loginAs('resident1'));
      const deadline = Date.now() + 10_000;
      while (wechat.sentMessages.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(wechat.sentMessages.map((m) => m.touser)).toEqual(['o-background']);
    } finally {
      await t.close();
      await wechat.close();
    }
  });

  it('refuses to boot with templates but without WeChat credentials', async () => {
    await expect(bootTestApp({ WECHAT_TEMPLATE_NEW_ASSIGNMENT: 'tmpl' })).rejects.toThrow(/WECHAT_TEMPLATE_\* needs WECHAT_APPID/);
  });
});
