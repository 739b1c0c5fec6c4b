import type { PosterSurface } from './poster'
import { POSTER_FILE_NAME, type SaveOutcome } from './save-outcome'

/** WeChat's in-app browser blocks downloads and file shares; a long-press on an image saves it. */
export function isWechatBrowser(): boolean {
  return /MicroMessenger/i.test(navigator.userAgent)
}

function toPngBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'))
}

function download(blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = POSTER_FILE_NAME
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The click has started the download by now; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * H5: the poster as a PNG at the canvas's pixel size. Shared as a file where the browser's share
 * sheet takes files (phones), downloaded elsewhere, and shown for a long-press inside WeChat.
 */
export async function savePoster(surface: PosterSurface, title: string): Promise<SaveOutcome> {
  const canvas = surface.canvas as HTMLCanvasElement
  if (isWechatBrowser()) return { kind: 'long-press', imageUrl: canvas.toDataURL('image/png') }
  const blob = await toPngBlob(canvas)
  if (!blob) return { kind: 'failed', message: 'toBlob answered nothing' }
  const file = new File([blob], POSTER_FILE_NAME, { type: 'image/png' })
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title })
      return { kind: 'shared' }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' }
      // NotAllowedError and the like: the share sheet is not available after all; download instead.
    }
  }
  download(blob)
  return { kind: 'downloaded' }
}

/** Nothing to open on H5: the browser has no album permission to grant. */
export async function openAlbumSettings(): Promise<boolean> {
  return false
}
