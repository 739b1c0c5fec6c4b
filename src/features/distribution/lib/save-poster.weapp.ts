import Taro from '@tarojs/taro'
import type { PosterSurface } from './poster'
import type { SaveOutcome } from './save-outcome'

const ALBUM_SCOPE = 'scope.writePhotosAlbum'

const errMsgOf = (error: unknown): string =>
  error && typeof error === 'object' && 'errMsg' in error
    ? String((error as { errMsg: unknown }).errMsg)
    : String(error)

/** WeChat says "auth deny" / "auth denied" / "authorize no response" when the album permission is refused. */
const isDenied = (message: string) => /auth (deny|denied)|authorize:fail|no response/i.test(message)

/**
 * weapp: export the canvas (its pixel size, i.e. at the device pixel ratio) and save it to the
 * album, asking for `scope.writePhotosAlbum` first. A refusal, now or before, answers `denied`:
 * WeChat will not ask again, so the card explains and offers the settings page instead.
 */
export async function savePoster(surface: PosterSurface): Promise<SaveOutcome> {
  let filePath: string
  try {
    const exported = await Taro.canvasToTempFilePath({ canvas: surface.canvas as Taro.Canvas, fileType: 'png' })
    filePath = exported.tempFilePath
  } catch (error) {
    return { kind: 'failed', message: errMsgOf(error) }
  }
  const setting = await Taro.getSetting()
  const granted = setting.authSetting[ALBUM_SCOPE]
  if (granted === false) return { kind: 'denied' }
  if (granted === undefined) {
    try {
      await Taro.authorize({ scope: ALBUM_SCOPE })
    } catch {
      return { kind: 'denied' }
    }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return { kind: 'saved' }
  } catch (error) {
    const message = errMsgOf(error)
    if (/cancel/i.test(message)) return { kind: 'cancelled' }
    if (isDenied(message)) return { kind: 'denied' }
    return { kind: 'failed', message }
  }
}

/** The settings page, from a tap (WeChat requires one). Answers whether the album is now allowed. */
export async function openAlbumSettings(): Promise<boolean> {
  const result = await Taro.openSetting()
  return result.authSetting[ALBUM_SCOPE] === true
}
