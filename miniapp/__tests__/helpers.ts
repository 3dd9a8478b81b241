import { act, fireEvent, waitFor } from '@testing-library/react';

/**
 * Types into a Taro <Textarea>/<Input> found by its className hook. On the web the field is a
 * Stencil web component that renders its native <textarea>/<input> a tick after mounting.
 */
export async function typeInto(container: HTMLElement, className: string, value: string): Promise<void> {
  const field = await waitFor(() => {
    const found = container.querySelector(`.${className}`)?.querySelector('textarea, input');
    if (!found) throw new Error(`no text field inside .${className}`);
    return found as HTMLTextAreaElement | HTMLInputElement;
  });
  fireEvent.input(field, { target: { value } });
  await settle();
}

/** Lets pending promises and React updates settle. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
