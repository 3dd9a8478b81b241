import { fireEvent, render, screen } from '@testing-library/react';
import { DepartmentKind, ErrorCode, LIMITS, type DepartmentView, type WhistleProposal } from '@gezhi/shared';
import { ApiError } from '../../src/api/client';
import { PasswordLoginForm } from '../../src/components/PasswordLoginForm';
import { EscalateForm, ReturnForm } from '../../src/components/ReasonForms';
import { WhistleForm } from '../../src/components/WhistleForm';
import { confirmAction } from '../../src/utils/confirm';
import { settle, typeInto } from '../helpers';

jest.mock('../../src/utils/confirm', () => ({
  confirmAction: jest.fn().mockResolvedValue(true),
  toastError: jest.fn(),
  toastSuccess: jest.fn(),
}));
const confirmMock = confirmAction as jest.MockedFunction<typeof confirmAction>;

beforeEach(() => {
  confirmMock.mockClear();
  confirmMock.mockResolvedValue(true);
});

async function tap(text: string) {
  fireEvent.click(screen.getByText(text));
  await settle();
}

const department = (id: number, name: string, kind: DepartmentKind): DepartmentView => ({ id, name, kind, streetId: 1, pairedGridId: null });
const police = department(1, '团结派出所', DepartmentKind.Police);
const cityManagement = department(3, '城管执法中队', DepartmentKind.CityManagement);
const property = department(9, '明日星城物业服务中心', DepartmentKind.PropertyManagement);

function proposal(overrides: Partial<WhistleProposal> = {}): WhistleProposal {
  return { rule: null, lead: null, assists: [], departments: [police, cityManagement, property], ...overrides };
}

describe('WhistleForm (吹哨)', () => {
  it('requires a lead department and does not submit without one', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<WhistleForm proposal={proposal()} onSubmit={onSubmit} onCancel={jest.fn()} />);
    expect(screen.getByText('派单规则没有匹配的部门，请手动选择')).toBeTruthy();
    await typeInto(container, 'gz-whistle-note', '请到现场核查占道经营');
    await tap('确认吹哨');
    expect(screen.getByText('请选择主办部门')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('preselects the routing proposal and sends lead, assists and the trimmed note', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(
      <WhistleForm proposal={proposal({ lead: cityManagement, assists: [police] })} onSubmit={onSubmit} onCancel={jest.fn()} />,
    );
    expect(screen.getByText('按派单规则建议：主办 城管执法中队，协办 团结派出所')).toBeTruthy();
    // add the property company as a second assisting unit
    fireEvent.click(container.querySelectorAll('.gz-whistle-assists .gz-chip')[1]);
    await typeInto(container, 'gz-whistle-note', '  小区门口占道经营，请城管牵头、派出所和物业配合  ');
    await tap('确认吹哨');
    expect(onSubmit).toHaveBeenCalledWith({
      leadDepartmentId: 3,
      assistDepartmentIds: [1, 9],
      note: '小区门口占道经营，请城管牵头、派出所和物业配合',
    });
  });

  it('drops a department from the assists when it becomes the lead, and asks for the note', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<WhistleForm proposal={proposal({ lead: cityManagement, assists: [police] })} onSubmit={onSubmit} onCancel={jest.fn()} />);
    fireEvent.click(container.querySelectorAll('.gz-whistle-lead .gz-chip')[0]); // 团结派出所 leads now
    await settle();
    const assists = Array.from(container.querySelectorAll('.gz-whistle-assists .gz-chip')).map((c) => c.textContent);
    expect(assists.some((t) => t?.includes('团结派出所'))).toBe(false);
    await tap('确认吹哨');
    expect(screen.getByText('请填写交办事项')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('EscalateForm (上报)', () => {
  it('requires a reason', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    render(<EscalateForm nextLevelName='社区' onSubmit={onSubmit} onCancel={jest.fn()} />);
    await tap('确认上报');
    expect(screen.getByText('请填写上报理由')).toBeTruthy();
    expect(confirmMock).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for confirmation, then sends the reason', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<EscalateForm nextLevelName='社区' onSubmit={onSubmit} onCancel={jest.fn()} />);
    await typeInto(container, 'gz-reason', '涉及楼上住户防水层，需社区协调物业');
    await tap('确认上报');
    expect(confirmMock).toHaveBeenCalledWith(expect.objectContaining({ title: '上报诉求' }));
    expect(onSubmit).toHaveBeenCalledWith('涉及楼上住户防水层，需社区协调物业');
  });

  it('does not send when the confirmation is declined', async () => {
    confirmMock.mockResolvedValue(false);
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<EscalateForm nextLevelName='街道' onSubmit={onSubmit} onCancel={jest.fn()} />);
    await typeInto(container, 'gz-reason', '需要街道协调房管部门');
    await tap('确认上报');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('ReturnForm (退回)', () => {
  it('requires a reason', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    render(<ReturnForm onSubmit={onSubmit} onCancel={jest.fn()} />);
    await tap('确认退回');
    expect(screen.getByText('请填写退回理由')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it(`rejects a reason shorter than ${LIMITS.reasonMin} characters, then confirms and sends a valid one`, async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<ReturnForm onSubmit={onSubmit} onCancel={jest.fn()} />);
    await typeInto(container, 'gz-reason', '否');
    await tap('确认退回');
    expect(screen.getByText(`请至少填写 ${LIMITS.reasonMin} 个字`)).toBeTruthy();
    await typeInto(container, 'gz-reason', '不属于本所职责，应由物业处理');
    await tap('确认退回');
    expect(confirmMock).toHaveBeenCalledWith(expect.objectContaining({ title: '退回诉求' }));
    expect(onSubmit).toHaveBeenCalledWith('不属于本所职责，应由物业处理');
  });

  it("shows the server's error and keeps the form", async () => {
    const onSubmit = jest.fn().mockRejectedValue(new ApiError(ErrorCode.ConcurrentModification, 409));
    const { container } = render(<ReturnForm onSubmit={onSubmit} onCancel={jest.fn()} />);
    await typeInto(container, 'gz-reason', '不属于本所职责');
    await tap('确认退回');
    expect(container.querySelector('.gz-field-error')?.textContent).toBeTruthy();
  });
});

describe('PasswordLoginForm (账号密码登录)', () => {
  it('asks for the account and the password', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<PasswordLoginForm onSubmit={onSubmit} />);
    await tap('登录');
    expect(screen.getByText('请输入账号')).toBeTruthy();
    await typeInto(container, 'gz-login-account', 'liaison1');
    await tap('登录');
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows 账号或密码错误, then the lockout with the wait the server sent', async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValueOnce(new ApiError(ErrorCode.InvalidCredentials, 401))
      .mockRejectedValueOnce(new ApiError(ErrorCode.AccountLocked, 429, undefined, {}, undefined, 900));
    const { container } = render(<PasswordLoginForm onSubmit={onSubmit} />);
    await typeInto(container, 'gz-login-account', ' liaison1 ');
    await typeInto(container, 'gz-login-password', 'wrong-password');
    await tap('登录');
    expect(onSubmit).toHaveBeenCalledWith('liaison1', 'wrong-password');
    expect(screen.getByText('账号或密码错误')).toBeTruthy();
    await typeInto(container, 'gz-login-password', 'wrong-again');
    await tap('登录');
    expect(screen.getByText('登录失败次数过多，账号已临时锁定，请稍后再试（约 15 分钟后可再试）')).toBeTruthy();
    expect(container.querySelector('.gz-login-error--locked')).toBeTruthy();
  });
});
