import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorCode } from '@gezhi/shared';
import { ApiError } from '../../src/api/client';
import { RatingForm } from '../../src/components/RatingForm';
import { settle, typeInto } from '../helpers';

type Row = 'gz-rate-speed' | 'gz-rate-effect' | 'gz-rate-attitude';

function tapStar(container: HTMLElement, row: Row, score: number) {
  const stars = container.querySelectorAll(`.${row} .gz-star`);
  expect(stars).toHaveLength(5);
  fireEvent.click(stars[score - 1]);
}

function renderForm(onSubmit = jest.fn().mockResolvedValue(undefined)) {
  return { ...render(<RatingForm onSubmit={onSubmit} />), onSubmit };
}

async function submit() {
  fireEvent.click(screen.getByText('提交评价'));
  await settle();
}

const REWORK_HINT = /提交后该诉求将退回网格重新办理/;

describe('RatingForm (群众评单)', () => {
  it('needs all three scores before submitting', async () => {
    const { container, onSubmit } = renderForm();
    tapStar(container, 'gz-rate-speed', 4);
    tapStar(container, 'gz-rate-attitude', 5);
    await submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('请为“解决效果”打分')).toBeTruthy();
    expect(screen.getByText('请为三项都打分后再提交')).toBeTruthy();
    expect(screen.queryByText('请为“办理速度”打分')).toBeNull();
  });

  it('lights the stars up to the tapped one', () => {
    const { container } = renderForm();
    tapStar(container, 'gz-rate-speed', 3);
    expect(container.querySelectorAll('.gz-rate-speed .gz-star--on')).toHaveLength(3);
  });

  it('warns that an effect score of 2 or less sends the item back for rework', async () => {
    const { container } = renderForm();
    expect(screen.queryByText(REWORK_HINT)).toBeNull();
    tapStar(container, 'gz-rate-effect', 2);
    expect(screen.getByText(REWORK_HINT)).toBeTruthy();
    tapStar(container, 'gz-rate-effect', 3);
    expect(screen.queryByText(REWORK_HINT)).toBeNull();
    tapStar(container, 'gz-rate-effect', 1);
    expect(screen.getByText(REWORK_HINT)).toBeTruthy();
  });

  it('submits {speed, effect, attitude, comment}', async () => {
    const { container, onSubmit } = renderForm();
    tapStar(container, 'gz-rate-speed', 5);
    tapStar(container, 'gz-rate-effect', 4);
    tapStar(container, 'gz-rate-attitude', 3);
    await typeInto(container, 'gz-comment', '  修得很快，谢谢网格长  ');
    await submit();
    expect(onSubmit).toHaveBeenCalledWith({ speed: 5, effect: 4, attitude: 3, comment: '修得很快，谢谢网格长' });
  });

  it('leaves out an empty comment', async () => {
    const { container, onSubmit } = renderForm();
    tapStar(container, 'gz-rate-speed', 1);
    tapStar(container, 'gz-rate-effect', 1);
    tapStar(container, 'gz-rate-attitude', 2);
    await submit();
    expect(onSubmit).toHaveBeenCalledWith({ speed: 1, effect: 1, attitude: 2, comment: undefined });
  });

  it('refuses a comment over 300 characters', async () => {
    const { container, onSubmit } = renderForm();
    tapStar(container, 'gz-rate-speed', 5);
    tapStar(container, 'gz-rate-effect', 5);
    tapStar(container, 'gz-rate-attitude', 5);
    await typeInto(container, 'gz-comment', '好'.repeat(301));
    await submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('评价内容不能超过 300 字')).toBeTruthy();
  });

  it('shows the message of the error code the server answers with', async () => {
    const { container } = renderForm(jest.fn().mockRejectedValue(new ApiError(ErrorCode.IllegalTransition, 409)));
    tapStar(container, 'gz-rate-speed', 5);
    tapStar(container, 'gz-rate-effect', 5);
    tapStar(container, 'gz-rate-attitude', 5);
    await submit();
    expect(screen.getByText('当前状态下不能进行此操作')).toBeTruthy();
  });
});
