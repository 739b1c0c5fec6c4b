import Taro from '@tarojs/taro'

export type PickedImage = { path: string; size: number }

/** Up to `count` photos from the album or the camera, compressed by WeChat; none if the member cancels. */
export async function pickImages(count: number): Promise<PickedImage[]> {
  try {
    const { tempFiles } = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    })
    return tempFiles.map((file) => ({ path: file.tempFilePath, size: file.size }))
  } catch {
    // chooseMedia fails when the member closes the sheet: nothing was picked.
    return []
  }
}
