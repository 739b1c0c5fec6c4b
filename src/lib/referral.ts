import * as v from 'valibot'
import { ReferralCode, type BindingSource } from '@/contract'

/**
 * Finds a referral code in what a visitor arrived with: `ref=CODE` in an H5 URL or a
 * mini-program query, or a QR code's `scene=r%3DCODE` (WeChat hands the scene URL-encoded).
 * Anything that is not a well-formed code is ignored rather than sent.
 */
export function findReferralCode(query: Record<string, unknown> | undefined | null): string | null {
  if (!query) return null
  const direct = query.ref
  if (typeof direct === 'string' && v.is(ReferralCode, direct)) return direct
  const scene = query.scene
  if (typeof scene === 'string') {
    let decoded = scene
    try {
      decoded = decodeURIComponent(scene)
    } catch {
      return null
    }
    for (const pair of decoded.split('&')) {
      const [key, value] = pair.split('=')
      if (key === 'r' && value !== undefined && v.is(ReferralCode, value)) return value
    }
  }
  return null
}

/**
 * How the code in `query` arrived, for the binding's source: a mini-program code's scene, a 分享赚
 * post's link (it carries `postId`), the referral card's QR (its link says `src=card`), or a shared link.
 */
export function findReferralSource(query: Record<string, unknown> | undefined | null): BindingSource {
  if (typeof query?.ref !== 'string' && typeof query?.scene === 'string') return 'scene'
  if (findReferralPostId(query)) return 'post'
  return query?.src === 'card' ? 'card' : 'link'
}

/**
 * The 分享赚 post a link names (`postId`), when it can be an id (letters, digits, `_.:-`, at most 64, as the contract's
 * ids): a mangled or empty one is no post, since the sign-in that carries it as `refPostId` would be refused.
 */
export function findReferralPostId(query: Record<string, unknown> | undefined | null): string | undefined {
  const postId = query?.postId
  return typeof postId === 'string' && /^[\w.:-]{1,64}$/.test(postId) ? postId : undefined
}

/** H5 query string (`?a=1&ref=X`) to an object; the mini-program hands query objects directly. */
export function parseSearch(search: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue
    const [rawKey = '', rawValue = ''] = pair.split('=')
    try {
      result[decodeURIComponent(rawKey)] = decodeURIComponent(rawValue.replace(/\+/g, ' '))
    } catch {
      // A malformed pair in someone's link is skipped, not fatal.
    }
  }
  return result
}
