// H5: photos from the phone's files or camera, redrawn on a canvas as JPEG (Taro's H5 compressImage is a stub). The
// community composer (pick-images.ts) and the avatar editor (pick-avatar.ts) pick through it; the mini-program has
// its own pickers (chooseMedia in pick-images.weapp.ts, WeChat's avatar picker).

const ACCEPT = 'image/jpeg,image/png,image/webp'

/** Up to `count` files from a hidden file input (`testId` lets the browser journeys find it); [] when dismissed. */
export function chooseFiles(count: number, testId: string): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = ACCEPT
    input.multiple = count > 1
    input.style.display = 'none'
    input.setAttribute('data-testid', testId)
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? []).slice(0, count))
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve([])
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

export type PhotoSize = {
  /** The long edge at most, in pixels. */
  maxEdgePx: number
  quality: number
  /** Only the centre square, as WeChat's avatar picker crops (an avatar is shown round, never cropped again). */
  isSquare?: boolean
}

/**
 * The photo redrawn as a JPEG when that is smaller (or when it had to be cropped square); a file the browser cannot
 * draw goes as it is (the server judges it).
 */
export async function compressPhoto(file: File, { maxEdgePx, quality, isSquare = false }: PhotoSize): Promise<Blob> {
  const url = URL.createObjectURL(file)
  try {
    const image = await loadImage(url)
    const { naturalWidth: width, naturalHeight: height } = image
    const side = Math.min(width, height)
    const [sourceWidth, sourceHeight] = isSquare ? [side, side] : [width, height]
    const scale = Math.min(1, maxEdgePx / Math.max(sourceWidth, sourceHeight, 1))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(sourceWidth * scale))
    canvas.height = Math.max(1, Math.round(sourceHeight * scale))
    const context = canvas.getContext('2d')
    if (!context) return file
    // JPEG has no transparency: a transparent PNG gets a white background, not a black one.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    const [left, top] = [(width - sourceWidth) / 2, (height - sourceHeight) / 2]
    context.drawImage(image, left, top, sourceWidth, sourceHeight, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
    const isCropped = isSquare && width !== height
    return blob && (blob.size < file.size || isCropped) ? blob : file
  } catch {
    return file
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** A photo that went up (or was dismissed) no longer needs its blob: URL; other paths (WeChat's temp files) stay. */
export function releasePhoto(path: string): void {
  if (path.startsWith('blob:')) URL.revokeObjectURL(path)
}
