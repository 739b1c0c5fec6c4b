// H5: a file input, then each photo redrawn on a canvas (Taro's H5 compressImage is a stub): at most 1600 px on
// its long edge, JPEG at 0.82. The mini-program build uses pick-images.weapp.ts (chooseMedia, compressed).

export type PickedImage = { path: string; size: number }

const ACCEPT = 'image/jpeg,image/png,image/webp'
const MAX_EDGE_PX = 1600
const JPEG_QUALITY = 0.82

function chooseFiles(count: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = ACCEPT
    input.multiple = count > 1
    input.style.display = 'none'
    input.setAttribute('data-testid', 'compose-file-input')
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

/** The smaller of the original and its redrawn JPEG; a file the browser cannot draw goes as it is (the server judges it). */
async function compress(file: File): Promise<Blob> {
  const url = URL.createObjectURL(file)
  try {
    const image = await loadImage(url)
    const scale = Math.min(1, MAX_EDGE_PX / Math.max(image.naturalWidth, image.naturalHeight, 1))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
    const context = canvas.getContext('2d')
    if (!context) return file
    // JPEG has no transparency: a transparent PNG gets a white page, not a black one.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
    return blob && blob.size < file.size ? blob : file
  } catch {
    return file
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Up to `count` photos from the phone's files or camera, compressed, as blob: URLs Taro.uploadFile can send. */
export async function pickImages(count: number): Promise<PickedImage[]> {
  const files = await chooseFiles(count)
  const picked: PickedImage[] = []
  for (const file of files) {
    const blob = await compress(file)
    picked.push({ path: URL.createObjectURL(blob), size: blob.size })
  }
  return picked
}

/** A photo that went up (or was dismissed) no longer needs its blob: URL. */
export function releaseImage(path: string): void {
  if (path.startsWith('blob:')) URL.revokeObjectURL(path)
}
