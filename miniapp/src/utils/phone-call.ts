import Taro from '@tarojs/taro';

/** Opens the phone's dialer with `phone` (WeChat: the system dial sheet; H5: a tel: link). */
export async function dialPhone(phone: string): Promise<void> {
  await Taro.makePhoneCall({ phoneNumber: phone });
}
