import { apiBase } from '@/lib/env'

/**
 * Where the H5 app lives: this page's origin on H5. The mini-program has none of its own, so it
 * takes TARO_APP_H5_ORIGIN, else the API's origin (H5 and its /api/v1 are served from one origin).
 */
export function h5Origin(): string {
  if (process.env.TARO_ENV === 'h5') return window.location.origin
  const configured = process.env.TARO_APP_H5_ORIGIN
  if (configured) return configured.replace(/\/+$/, '')
  return /^https?:\/\/[^/]+/.exec(apiBase)?.[0] ?? ''
}

/** The link a member shares: the card's share path (`/pages/home/index?ref=CODE`) on the H5 origin. */
export function shareUrl(sharePath: string): string {
  return `${h5Origin()}${sharePath}`
}

/** The link in the card's QR code: the share link marked `src=card`, so the binding records the card. */
export function cardQrUrl(sharePath: string): string {
  return `${shareUrl(sharePath)}${sharePath.includes('?') ? '&' : '?'}src=card`
}
