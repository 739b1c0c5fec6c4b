import Taro from '@tarojs/taro'

/** Loaded on the first failed call (H5), so Taro's toast, modal and action sheet stay off the first screen. */
export function showErrorToast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}
