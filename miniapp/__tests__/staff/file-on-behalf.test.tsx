import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Channel, ErrorCode, Role, type RoomOption, type RoomResidentOption } from '@gezhi/shared';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import FileOnBehalfPage from '../../src/subpackages/staff/pages/file-on-behalf/index';
import { settle, typeInto } from '../helpers';
import { errorEnvelope, fakeApi, reply, type FakeApi, type Reply } from '../fake-api';
import { renderPage } from '../pages';

jest.mock('../../src/utils/confirm', () => ({
  confirmAction: jest.fn().mockResolvedValue(true),
  toastError: jest.fn(),
  toastSuccess: jest.fn(),
}));
jest.mock('../../src/navigation', () => ({
  ...jest.requireActual('../../src/navigation'),
  replaceWithRequestDetail: jest.fn().mockResolvedValue(undefined),
}));

const ROOMS: RoomOption[] = [
  { id: 11, unitName: '1单元', roomNumber: '501', buildingName: '1号楼' },
  { id: 12, unitName: '2单元', roomNumber: '302', buildingName: '1号楼' },
];
const HOUSEHOLD: RoomResidentOption[] = [
  { userId: 41, nameMasked: '宋**', phoneMasked: '136****2345' },
  { userId: 42, nameMasked: '程*', phoneMasked: null },
];

let server: FakeApi | null = null;
afterEach(() => {
  act(() => signOut());
  server?.restore();
  server = null;
});

/** The page signed in as a grid leader; `residents` answers GET /staff/rooms/:roomId/residents. */
async function openPage(residents: (roomId: number) => RoomResidentOption[] | Reply = (roomId) => (roomId === 11 ? HOUSEHOLD : [])) {
  server = fakeApi({
    'POST /auth/dev-login': () => ({
      token: 't-1',
      expiresIn: 3600,
      me: { id: 2, nickname: '苏月', role: Role.GridLeader, home: null, staff: { gridIds: [1], gridNames: ['第一网格'], communityId: 1, streetId: 1 } },
    }),
    'GET /staff/rooms': () => ROOMS,
    'GET /staff/rooms/:roomId/residents': (_call, params) => residents(Number(params.roomId)),
    'POST /requests': () => reply(201, { id: 77 }),
  });
  await signInWithDemoAccount('gridleader1');
  const page = renderPage(FileOnBehalfPage);
  await waitFor(() => expect(screen.getByText('1单元 501')).toBeTruthy());
  return page;
}

async function fillTheRest(container: HTMLElement) {
  fireEvent.click(screen.getByText('来访'));
  fireEvent.click(screen.getByText('基础设施维修'));
  fireEvent.click(screen.getByText('漏水渗水'));
  await typeInto(container, 'gz-description', '卫生间吊顶渗水，怀疑是楼上防水层坏了，麻烦尽快协调处理。');
}

async function submit() {
  fireEvent.click(screen.getByText('提交'));
  await settle();
  await settle();
}

describe('代居民登记: picking the household member an item is for', () => {
  it('lists the room’s registered residents, masked, and files the item as theirs', async () => {
    const { container } = await openPage();
    fireEvent.click(screen.getByText('1单元 501'));
    expect(container.querySelector('.gz-household .gz-loading')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('宋** · 136****2345')).toBeTruthy());
    expect(screen.getByText('程*')).toBeTruthy();
    expect(screen.getByText('非注册居民')).toBeTruthy();

    fireEvent.click(screen.getByText('宋** · 136****2345'));
    expect(screen.getByText('登记后归属该居民：可在「我的诉求」查看进度、收到通知并评价')).toBeTruthy();
    // a registered resident has their own name and phone: no contact fields to fill
    expect(container.querySelector('.gz-contact-name')).toBeNull();
    await fillTheRest(container);
    await submit();

    const [filed] = server!.callsTo('POST', '/requests');
    expect(filed.body).toMatchObject({ roomId: 11, channel: Channel.WalkIn, residentUserId: 41 });
    expect(filed.body).not.toHaveProperty('contactName');
    expect(server!.callsTo('GET', '/staff/rooms/11/residents')).toHaveLength(1);
  });

  it('files for someone not registered with the name and phone written down', async () => {
    const { container } = await openPage();
    fireEvent.click(screen.getByText('1单元 501'));
    await waitFor(() => expect(screen.getByText('非注册居民')).toBeTruthy());
    fireEvent.click(screen.getByText('非注册居民'));
    await typeInto(container, 'gz-contact-name', '王大爷');
    await typeInto(container, 'gz-contact-phone', '13912345678');
    await fillTheRest(container);
    await submit();

    const [filed] = server!.callsTo('POST', '/requests');
    expect(filed.body).toMatchObject({ roomId: 11, channel: Channel.WalkIn, contactName: '王大爷', contactPhone: '13912345678' });
    expect(filed.body).not.toHaveProperty('residentUserId');
  });

  it('says so when nobody is registered in the room, and offers 非注册居民 only', async () => {
    const { container } = await openPage();
    fireEvent.click(screen.getByText('2单元 302'));
    await waitFor(() => expect(screen.getByText('该房屋暂无注册居民，请按「非注册居民」登记')).toBeTruthy());
    expect(container.querySelectorAll('.gz-household__member')).toHaveLength(0);
    expect(screen.getByText('非注册居民')).toBeTruthy();
  });

  it('does not file until a household member (or 非注册居民) is picked', async () => {
    const { container } = await openPage();
    fireEvent.click(screen.getByText('1单元 501'));
    await waitFor(() => expect(screen.getByText('宋** · 136****2345')).toBeTruthy());
    await fillTheRest(container);
    await submit();
    expect(screen.getByText('请选择为哪位居民登记，或选择「非注册居民」')).toBeTruthy();
    expect(server!.callsTo('POST', '/requests')).toHaveLength(0);
  });

  it('forgets the picked member when the room changes', async () => {
    await openPage();
    fireEvent.click(screen.getByText('1单元 501'));
    await waitFor(() => expect(screen.getByText('宋** · 136****2345')).toBeTruthy());
    fireEvent.click(screen.getByText('宋** · 136****2345'));
    fireEvent.click(screen.getByText('重新选择'));
    fireEvent.click(screen.getByText('2单元 302'));
    await waitFor(() => expect(screen.getByText('该房屋暂无注册居民，请按「非注册居民」登记')).toBeTruthy());
    expect(screen.queryByText('登记后归属该居民：可在「我的诉求」查看进度、收到通知并评价')).toBeNull();
  });

  it('offers a retry when the household cannot be loaded', async () => {
    let fail = true;
    await openPage(() => (fail ? reply(500, errorEnvelope(ErrorCode.Internal, 500)) : HOUSEHOLD));
    fireEvent.click(screen.getByText('1单元 501'));
    await waitFor(() => expect(screen.getByText('重新加载')).toBeTruthy());
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => expect(screen.getByText('宋** · 136****2345')).toBeTruthy());
  });
});
