import Taro from '@tarojs/taro';

/** A native confirmation dialog before a destructive action; resolves true when the user confirms. */
export async function confirmAction(options: { title: string; content: string; confirmText?: string }): Promise<boolean> {
  try {
    const result = await Taro.showModal({
      title: options.title,
      content: options.content,
      confirmText: options.confirmText ?? '确定',
      cancelText: '再想想',
      confirmColor: '#d4380d',
    });
    return result.confirm;
  } catch {
    return false;
  }
}

export function toastSuccess(title: string): void {
  Taro.showToast({ title, icon: 'success', duration: 1500 });
}

export function toastError(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 2500 });
}
