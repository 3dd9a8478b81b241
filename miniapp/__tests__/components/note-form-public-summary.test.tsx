import { fireEvent, render, waitFor } from '@testing-library/react';
import type { ResolveBody } from '@gezhi/shared';
import { NoteForm } from '../../src/components/NoteForm';
import { typeInto } from '../helpers';

const DRAFT = '我是3号楼的某某，电话[电话已隐去]，楼上漏水。';

function renderResolveForm(onSubmit: (body: ResolveBody) => Promise<void>) {
  return render(<NoteForm title='办结' placeholder='写明办理结果' submitText='确认办结' publicSummaryDraft={DRAFT} onSubmit={onSubmit} onCancel={() => undefined} />);
}

async function summaryField(container: HTMLElement): Promise<HTMLTextAreaElement> {
  let field: HTMLTextAreaElement | null = null;
  await waitFor(() => {
    field = container.querySelector('.gz-public-summary-field')?.querySelector('textarea') ?? null;
    expect(field).not.toBeNull();
  });
  return field as unknown as HTMLTextAreaElement;
}

describe('办结 form: the public summary for 公示', () => {
  it('is pre-filled with the anonymised draft and sent as approved', async () => {
    const sent: ResolveBody[] = [];
    const { container } = renderResolveForm(async (body) => void sent.push(body));
    expect((await summaryField(container)).value).toBe(DRAFT);
    expect(container.textContent).toContain('公示内容');
    await typeInto(container, 'gz-note', '已协调楼上修复防水层');
    fireEvent.click(container.querySelector('.gz-note-submit')!);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ note: '已协调楼上修复防水层', publicSummary: DRAFT });
  });

  it('sends the handler’s edit, and nothing when they clear it', async () => {
    const sent: ResolveBody[] = [];
    const { container } = renderResolveForm(async (body) => void sent.push(body));
    await summaryField(container);
    await typeInto(container, 'gz-note', '已修复');
    await typeInto(container, 'gz-public-summary-field', '3号楼一户楼上漏水，已修复');
    fireEvent.click(container.querySelector('.gz-note-submit')!);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].publicSummary).toBe('3号楼一户楼上漏水，已修复');

    await typeInto(container, 'gz-public-summary-field', '   ');
    fireEvent.click(container.querySelector('.gz-note-submit')!);
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).not.toHaveProperty('publicSummary');
  });

  it('has no summary field on other notes (进展, 驳回)', async () => {
    const { container } = render(<NoteForm title='更新进展' placeholder='进展' submitText='提交进展' onSubmit={async () => undefined} onCancel={() => undefined} />);
    await waitFor(() => expect(container.querySelector('.gz-note')).not.toBeNull());
    expect(container.querySelector('.gz-public-summary-field')).toBeNull();
  });
});
