import Taro from '@tarojs/taro'

export const showImagePreview = (urls: readonly string[], index: number): void =>
  void Taro.previewImage({ current: urls[index] ?? '', urls: [...urls] }).catch(() => undefined)
