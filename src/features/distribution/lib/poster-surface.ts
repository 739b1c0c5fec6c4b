import { IMAGE_TIMEOUT_MS, type PosterImage, type PosterSurface, type PosterSurfaceContext } from './poster'

/**
 * H5: the poster's <canvas> (a plain element: Taro's H5 Canvas resets its size on every render,
 * which would wipe the drawing), sized to the device pixel ratio so the export is sharp.
 */
export async function openPosterSurface(id: string, width: number, height: number): Promise<PosterSurface> {
  const canvas = document.getElementById(id)
  if (!(canvas instanceof HTMLCanvasElement)) throw new Error(`no <canvas id="${id}">`)
  const pixelRatio = Math.min(3, Math.max(1, Math.round(window.devicePixelRatio || 1)))
  canvas.width = width * pixelRatio
  canvas.height = height * pixelRatio
  const ctx = canvas.getContext('2d') as PosterSurfaceContext | null
  if (!ctx) throw new Error('this browser has no Canvas 2D')
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0)
  return { canvas, ctx, pixelRatio, loadImage }
}

function loadImage(src: string): Promise<PosterImage | null> {
  return new Promise((resolve) => {
    const image = new Image()
    // Another origin's picture would taint the canvas (no export) unless it is fetched with CORS.
    if (/^https?:/.test(src) && !src.startsWith(window.location.origin)) image.crossOrigin = 'anonymous'
    const timer = setTimeout(() => resolve(null), IMAGE_TIMEOUT_MS)
    image.onload = () => {
      clearTimeout(timer)
      resolve(image)
    }
    image.onerror = () => {
      clearTimeout(timer)
      resolve(null)
    }
    image.src = src
  })
}
