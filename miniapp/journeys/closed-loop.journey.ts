import { expectText, journeyApi, journeyEnvironment, photoPng, signIn, tapButton } from './support/actions';
import { newPhonePage, screenshot } from './support/browser';

const JOURNEY = 'closed-loop';
const DESCRIPTION = '2单元三楼楼道堆满纸箱和旧家具，挡住了消防通道，请帮忙清理。（浏览器旅程）';
const RESULT_NOTE = '已联系物业和住户，当天清理完毕，消防通道恢复畅通。';

describe('H5 journey: the closed loop from filing to rating', () => {
  const env = journeyEnvironment();

  it('a resident files with a photo, the grid leader accepts and resolves, the resident rates and sees it closed', async () => {
    // 1. The resident files a request with a photo.
    const resident = await newPhonePage(env);
    await signIn(resident, env.server.baseUrl, 'resident1');
    await screenshot(resident, JOURNEY, '01-resident-home');
    await tapButton(resident, '我要反映');
    await resident.locator('.gz-chip', { hasText: '环境整治' }).click();
    await resident.locator('.gz-chip', { hasText: '楼道堆物' }).click();
    await resident.locator('.gz-description textarea').fill(DESCRIPTION);
    const chooser = resident.waitForEvent('filechooser');
    await resident.locator('.gz-photo-add').click();
    await (await chooser).setFiles({ name: 'corridor.png', mimeType: 'image/png', buffer: photoPng() });
    await resident.locator('.gz-photo-picker img, .gz-photo-picker .taro-img').first().waitFor();
    await screenshot(resident, JOURNEY, '02-resident-filing-form');
    await tapButton(resident, '提交');
    await resident.locator('.gz-timeline-item').first().waitFor();
    await expectText(resident, '.gz-status-tag', '待签收');
    await expectText(resident, 'body', DESCRIPTION);
    await screenshot(resident, JOURNEY, '03-resident-filed');

    // 2. The grid leader of that building's grid accepts and resolves it (a second browser context).
    const leader = await newPhonePage(env);
    await signIn(leader, env.server.baseUrl, 'gridleader1');
    await tapButton(leader, '进入工作台');
    const card = leader.locator('.gz-request-card', { hasText: DESCRIPTION.slice(0, 20) });
    await card.waitFor();
    await screenshot(leader, JOURNEY, '04-leader-inbox');
    await card.click();
    await leader.locator('.gz-action-accept').click();
    await expectText(leader, '.gz-status-tag', '处理中');
    await leader.locator('.gz-action-resolve').click();
    await leader.locator('.gz-note textarea').fill(RESULT_NOTE);
    await leader.locator('.gz-note-submit').click();
    await expectText(leader, '.gz-status-tag', '待评价');
    await screenshot(leader, JOURNEY, '05-leader-resolved');

    // 3. The resident sees the result and rates it 5 / 4 / 5.
    await resident.reload();
    await expectText(resident, '.gz-status-tag', '待评价');
    await expectText(resident, 'body', RESULT_NOTE);
    await resident.locator('.gz-rate-speed .gz-star').nth(4).click();
    await resident.locator('.gz-rate-effect .gz-star').nth(3).click();
    await resident.locator('.gz-rate-attitude .gz-star').nth(4).click();
    await screenshot(resident, JOURNEY, '06-resident-rating');
    await tapButton(resident, '提交评价');

    // 4. Closed, with the rating on the item.
    await expectText(resident, '.gz-status-tag', '已办结');
    const body = await resident.locator('body').innerText();
    expect(body).toMatch(/办理速度[\s\S]*5/);
    expect(body).toMatch(/解决效果[\s\S]*4/);
    const timeline = await resident.locator('.gz-timeline-item').allInnerTexts();
    expect(timeline.join('\n')).toMatch(/签收[\s\S]*办结[\s\S]*评价/);
    await screenshot(resident, JOURNEY, '07-resident-closed');

    // The API agrees with what the pages show.
    const { call, login } = journeyApi(env.server.baseUrl);
    const mine = await call<{ items: { excerpt: string; status: string; thumbnail: unknown }[] }>('GET', '/requests/mine', await login('resident1'));
    const item = mine.items.find((r: { excerpt: string }) => DESCRIPTION.startsWith(r.excerpt.replace(/…$/, '')));
    expect(item).toMatchObject({ status: 'CLOSED' });
    expect(item?.thumbnail).not.toBeNull();
  });
});
