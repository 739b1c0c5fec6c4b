import { routes } from '@/lib/routes'
import type { ShareTarget } from './share-target'

/**
 * What the 推广名片 page shares to a chat and to Moments: home, marked `src=card` as the card's QR link is, so a friend
 * who arrives through it is the KOL's fan from the card (名片), not from a plain link (domain rules: fans arrive from
 * card, link, post, code). useReferralShare adds the code.
 */
export function cardShareTarget(title: string | undefined): ShareTarget {
  return { path: routes.home, query: 'src=card', title }
}
