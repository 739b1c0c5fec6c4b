// H5: each photo redrawn at most 1600 px on its long edge, JPEG at 0.82 (src/lib/photo-files.ts). The mini-program
// build uses pick-images.weapp.ts (chooseMedia, compressed).
import { chooseFiles, compressPhoto, releasePhoto } from '@/lib/photo-files'

export type PickedImage = { path: string; size: number }

/** Up to `count` photos from the phone's files or camera, compressed, as blob: URLs Taro.uploadFile can send. */
export async function pickImages(count: number): Promise<PickedImage[]> {
  const files = await chooseFiles(count, 'compose-file-input')
  const picked: PickedImage[] = []
  for (const file of files) {
    const blob = await compressPhoto(file, { maxEdgePx: 1600, quality: 0.82 })
    picked.push({ path: URL.createObjectURL(blob), size: blob.size })
  }
  return picked
}

export const releaseImage = releasePhoto
