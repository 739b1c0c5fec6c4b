import { apiBase } from '@/lib/env'
import { routes } from '@/lib/routes'
import { withReferral } from './share-link'

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

/** The link a member shares: the home page with their code (H5 routes are paths, not hashes). */
export function shareUrl(code: string): string {
  return `${h5Origin()}${withReferral(routes.home, code)}`
}
