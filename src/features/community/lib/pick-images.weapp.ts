import Taro from '@tarojs/taro'

export type PickedImage = { path: string; size: number }

/** Up to `count` photos from the album or the camera, compressed by WeChat; none if the member cancels. */
export function pickImages(count: number): Promise<PickedImage[]> {
  // Callbacks, not the promise form: Taro passes chooseMedia straight to wx (it does not promisify it), and only
  // newer base libraries answer a promise when no callback is given.
  return new Promise((resolve) => {
    Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: ({ tempFiles }) => resolve(tempFiles.map((file) => ({ path: file.tempFilePath, size: file.size }))),
      // The member closed the sheet (or the album is not allowed): nothing was picked.
      fail: () => resolve([]),
    })
  })
}

/** WeChat cleans its temp files itself. */
export function releaseImage(_path: string): void {}
