import Taro from '@tarojs/taro'
import { IMAGE_TIMEOUT_MS, type PosterImage, type PosterSurface, type PosterSurfaceContext } from './poster'

type CanvasNode = {
  width: number
  height: number
  getContext: (type: '2d') => PosterSurfaceContext
  createImage: () => PosterImage & { src: string; onload: () => void; onerror: () => void }
}

/** The node can lag the render that created it by a frame or two on slow phones: ask a few times. */
const NODE_ATTEMPTS = 4
const NODE_RETRY_MS = 60

function devicePixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio
  } catch {
    return 2
  }
}

function queryCanvasNode(id: string): Promise<CanvasNode | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((results: Array<{ node?: CanvasNode } | null> | undefined) => resolve(results?.[0]?.node ?? null))
  })
}

/**
 * WeChat's canvas Image takes a network or local path, and from base library 2.11 a base64 data URI of a bitmap.
 * A URL-encoded or SVG data URI (the seed's placeholder pictures) is not among them: it may never answer, so the
 * poster is drawn without it at once (letter avatar, header in the brand colours) instead of after the timeout.
 */
export function isDrawableOnWeapp(src: string): boolean {
  return !/^data:/i.test(src) || /^data:image\/(?:png|jpe?g|gif|webp);base64,/i.test(src)
}

function imageLoader(canvas: CanvasNode) {
  return (src: string) =>
    new Promise<PosterImage | null>((done) => {
      if (!isDrawableOnWeapp(src)) {
        done(null)
        return
      }
      const image = canvas.createImage()
      const timer = setTimeout(() => done(null), IMAGE_TIMEOUT_MS)
      image.onload = () => {
        clearTimeout(timer)
        done(image)
      }
      image.onerror = () => {
        clearTimeout(timer)
        done(null)
      }
      image.src = src
    })
}

/**
 * weapp: the Canvas 2D node of `<Canvas type="2d" id>` from a selector query, sized to the
 * device pixel ratio (what canvasToTempFilePath then exports).
 */
export async function openPosterSurface(id: string, width: number, height: number): Promise<PosterSurface> {
  let canvas: CanvasNode | null = null
  for (let attempt = 0; attempt < NODE_ATTEMPTS && !canvas; attempt += 1) {
    if (attempt > 0) await new Promise((wait) => setTimeout(wait, NODE_RETRY_MS))
    canvas = await queryCanvasNode(id)
  }
  if (!canvas) throw new Error(`no canvas node #${id}`)
  const pixelRatio = Math.min(3, Math.max(1, Math.round(devicePixelRatio())))
  canvas.width = width * pixelRatio
  canvas.height = height * pixelRatio
  const ctx = canvas.getContext('2d')
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0)
  return { canvas, ctx, pixelRatio, loadImage: imageLoader(canvas) }
}
