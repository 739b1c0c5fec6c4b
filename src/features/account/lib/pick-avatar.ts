// H5: one photo, its centre square at most 800 px, JPEG at 0.85 (src/lib/photo-files.ts): an avatar is shown small
// and round. The mini-program picks with WeChat's own avatar picker (avatar-choose-button.weapp.tsx); it uses only
// releaseAvatar from here, which leaves WeChat's temp files alone.
import { chooseFiles, compressPhoto, releasePhoto } from '@/lib/photo-files'

/** `size` is null where the platform does not say (WeChat's avatar picker). */
export type PickedAvatar = { path: string; size: number | null }

/** One photo from the phone's files or camera, compressed, as a blob: URL Taro.uploadFile can send; null if none. */
export async function pickAvatar(): Promise<PickedAvatar | null> {
  const [file] = await chooseFiles(1, 'avatar-file-input')
  if (!file) return null
  const blob = await compressPhoto(file, { maxEdgePx: 800, quality: 0.85, isSquare: true })
  return { path: URL.createObjectURL(blob), size: blob.size }
}

export const releaseAvatar = releasePhoto
