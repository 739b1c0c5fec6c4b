import type { AppConfig } from '@/contract'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { createRecordingContext } from './canvas-recorder'

/** The seeded KOL (referral code LINA88) and the link a friend opens from their card. */
export const KOL = { persona: 'kol-distributor', code: 'LINA88', nickname: '莉娜 Lina', levelCode: 'V4' } as const
export const kolShareUrl = () => `${window.location.origin}/pages/home/index?ref=${KOL.code}`
/** The card's QR: the share link marked as coming from the card. */
export const kolCardQrUrl = () => `${kolShareUrl()}&src=card`

/**
 * jsdom has no canvas and loads no images: the poster's canvas gets a recording context, toBlob
 * and toDataURL answer a PNG-typed blob, and images "load" at once, so the card draws for real.
 * `fails` picks the sources that fail to load instead; `sources` lists every source asked for.
 */
export function installCanvas(fails: (src: string) => boolean = () => false) {
  const recorder = createRecordingContext()
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => recorder.ctx as never)
  jest
    .spyOn(HTMLCanvasElement.prototype, 'toBlob')
    .mockImplementation((callback: BlobCallback) =>
      callback(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })),
    )
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,iVBORw0KGgo=')
  const RealImage = window.Image
  const sources: string[] = []
  class LoadingImage {
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    crossOrigin: string | null = null
    width = 56
    height = 56
    set src(value: string) {
      sources.push(value)
      setTimeout(() => (fails(value) ? this.onerror?.() : this.onload?.()), 0)
    }
  }
  window.Image = LoadingImage as unknown as typeof Image
  const objectUrls: string[] = []
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      objectUrls.push(blob.type)
      return `blob:${window.location.origin}/poster-${objectUrls.length}`
    },
    revokeObjectURL: () => undefined,
  })
  return { recorder, objectUrls, sources, restore: () => (window.Image = RealImage) }
}

export async function signInAs(persona: string, config?: (config: AppConfig) => AppConfig) {
  const api = installInProcessApi({ config })
  const { token, member } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return { api, token, member }
}
