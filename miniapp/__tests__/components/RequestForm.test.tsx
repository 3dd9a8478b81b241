import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorCode, FieldErrorCode, LIMITS, RequestCategory, Urgency } from '@gezhi/shared';
import { ApiError } from '../../src/api/client';
import { RequestForm } from '../../src/components/RequestForm';
import { settle, typeInto } from '../helpers';

function renderForm(onSubmit = jest.fn().mockResolvedValue(undefined)) {
  const view = render(<RequestForm onSubmit={onSubmit} />);
  return { ...view, onSubmit };
}

async function submit() {
  fireEvent.click(screen.getByText('提交'));
  await settle();
}

describe('RequestForm (filing a request)', () => {
  it('asks for a category and a description when submitted empty, and does not submit', async () => {
    const { onSubmit } = renderForm();
    await submit();
    expect(screen.getByText('请选择诉求类别')).toBeTruthy();
    expect(screen.getByText('请填写问题描述')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for a sub-category once the category is chosen', async () => {
    const { onSubmit } = renderForm();
    fireEvent.click(screen.getByText('环境整治'));
    await submit();
    expect(screen.queryByText('请选择诉求类别')).toBeNull();
    expect(screen.getByText('请选择具体类型')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it(`rejects a description shorter than ${LIMITS.descriptionMin} characters and counts live`, async () => {
    const { container, onSubmit } = renderForm();
    fireEvent.click(screen.getByText('环境整治'));
    fireEvent.click(screen.getByText('楼道堆物'));
    await typeInto(container, 'gz-description', '楼道堆');
    await settle();
    expect(screen.getByText(`3/${LIMITS.descriptionMax}`)).toBeTruthy();
    await submit();
    expect(screen.getByText(`问题描述至少 ${LIMITS.descriptionMin} 个字`)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('rejects a description over the maximum length', async () => {
    const { container, onSubmit } = renderForm();
    fireEvent.click(screen.getByText('环境整治'));
    fireEvent.click(screen.getByText('楼道堆物'));
    await typeInto(container, 'gz-description', '堆'.repeat(LIMITS.descriptionMax + 1));
    await submit();
    expect(screen.getByText(`问题描述不能超过 ${LIMITS.descriptionMax} 个字`)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the CreateRequestBody fields the server expects', async () => {
    const { container, onSubmit } = renderForm();
    fireEvent.click(screen.getByText('环境整治'));
    fireEvent.click(screen.getByText('楼道堆物'));
    await typeInto(container, 'gz-description', '  3号楼2单元楼道堆满纸箱，堵住了消防通道  ');
    fireEvent.click(screen.getByText('紧急'));
    fireEvent.click(container.querySelector('.gz-show-name')!);
    await submit();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      category: RequestCategory.Environment,
      subcategory: 'CLUTTER',
      description: '3号楼2单元楼道堆满纸箱，堵住了消防通道',
      photoIds: [],
      urgency: Urgency.Urgent,
      showNamePublicly: true,
    });
  });

  it('clears the sub-category when the category changes', async () => {
    const { container, onSubmit } = renderForm();
    fireEvent.click(screen.getByText('环境整治'));
    fireEvent.click(screen.getByText('楼道堆物'));
    fireEvent.click(screen.getByText('基础设施维修'));
    await typeInto(container, 'gz-description', '卫生间顶棚漏水很严重');
    await submit();
    expect(screen.getByText('请选择具体类型')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows a server field error by its code next to the field', async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValue(
        new ApiError(ErrorCode.ValidationFailed, 400, undefined, {
          description: FieldErrorCode.TooShort,
          contactPhone: FieldErrorCode.InvalidFormat,
        }),
      );
    const { container } = renderForm(onSubmit);
    fireEvent.click(screen.getByText('矛盾调解'));
    fireEvent.click(screen.getByText('噪音扰民'));
    await typeInto(container, 'gz-description', '楼上每晚装修到十一点');
    await submit();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByText('问题描述：内容过短')).toBeTruthy();
    expect(screen.getByText('联系电话：格式不正确')).toBeTruthy();
    expect(screen.getByText('提交的内容有误，请检查后重试')).toBeTruthy();
  });

  it('shows the Chinese message of a non-field error code', async () => {
    const onSubmit = jest.fn().mockRejectedValue(new ApiError(ErrorCode.HomeNotBound, 400));
    const { container } = renderForm(onSubmit);
    fireEvent.click(screen.getByText('文化活动'));
    fireEvent.click(screen.getByText('活动场地'));
    await typeInto(container, 'gz-description', '活动室地板磨损需要更换');
    await submit();
    expect(screen.getByText('请先绑定您的住址')).toBeTruthy();
  });
});
