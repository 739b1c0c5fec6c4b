import Taro from '@tarojs/taro'
import { IMAGE_TIMEOUT_MS, type PosterImage, type PosterSurface, type PosterSurfaceContext } from './poster'

type CanvasNode = {
  width: number
  height: number
  getContext: (type: '2d') => PosterSurfaceContext
  createImage: () => PosterImage & { src: string; onload: () => void; onerror: () => void }
}

function devicePixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio
  } catch {
    return 2
  }
}

/**
 * weapp: the Canvas 2D node of `<Canvas type="2d" id>` from a selector query, sized to the
 * device pixel ratio (what canvasToTempFilePath then exports).
 */
export function openPosterSurface(id: string, width: number, height: number): Promise<PosterSurface> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((results: Array<{ node?: CanvasNode } | null> | undefined) => {
        const canvas = results?.[0]?.node
        if (!canvas) {
          reject(new Error(`no canvas node #${id}`))
          return
        }
        const pixelRatio = Math.min(3, Math.max(1, Math.round(devicePixelRatio())))
        canvas.width = width * pixelRatio
        canvas.height = height * pixelRatio
        const ctx = canvas.getContext('2d')
        ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0)
        const loadImage = (src: string) =>
          new Promise<PosterImage | null>((done) => {
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
        resolve({ canvas, ctx, pixelRatio, loadImage })
      })
  })
}
