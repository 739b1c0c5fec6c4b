// H5: a file input, then the photo redrawn on a canvas (Taro's H5 compressImage is a stub): an avatar is shown
// small and round, so its centre square, at most 800 px, JPEG at 0.85. The mini-program build uses WeChat's own avatar picker
// (avatar-choose-button.weapp.tsx) and never loads this file.

/** `size` is null where the platform does not say (WeChat's avatar picker). */
export type PickedAvatar = { path: string; size: number | null }

const ACCEPT = 'image/jpeg,image/png,image/webp'
const MAX_EDGE_PX = 800
const JPEG_QUALITY = 0.85

function chooseFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = ACCEPT
    input.style.display = 'none'
    input.setAttribute('data-testid', 'avatar-file-input')
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('not an image this browser can read'))
    image.src = url
  })
}

/** The photo's centre square as a JPEG; a file the browser cannot draw goes as it is (the server judges it). */
async function compress(file: File): Promise<Blob> {
  const url = URL.createObjectURL(file)
  try {
    const image = await loadImage(url)
    // The centre square, as WeChat's avatar picker crops: every avatar is square, so no place showing one has to
    // crop it (the member card on 我的 draws it as it comes).
    const side = Math.min(image.naturalWidth, image.naturalHeight)
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = Math.max(1, Math.min(side, MAX_EDGE_PX))
    const context = canvas.getContext('2d')
    if (!context) return file
    // JPEG has no transparency: a transparent PNG gets a white background, not a black one.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    const left = (image.naturalWidth - side) / 2
    const top = (image.naturalHeight - side) / 2
    context.drawImage(image, left, top, side, side, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
    // A square photo that is already small goes as it is; anything else goes cropped.
    return blob && (blob.size < file.size || image.naturalWidth !== image.naturalHeight) ? blob : file
  } catch {
    return file
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** One photo from the phone's files or camera, compressed, as a blob: URL Taro.uploadFile can send; null if none. */
export async function pickAvatar(): Promise<PickedAvatar | null> {
  const file = await chooseFile()
  if (!file) return null
  const blob = await compress(file)
  return { path: URL.createObjectURL(blob), size: blob.size }
}

/** A photo that went up (or failed) no longer needs its blob: URL. */
export function releaseAvatar(path: string): void {
  if (path.startsWith('blob:')) URL.revokeObjectURL(path)
}
