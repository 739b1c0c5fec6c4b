import { LEVEL_CODES, type LevelCode } from '@/contract'
import type { GiftDetail } from '@/contract/mall'

/** Why the redeem button is off, said precisely (the server checks all of this again). */
export type RedeemBlock =
  | { kind: 'sign-in' }
  | { kind: 'sold-out' }
  | { kind: 'level-too-low'; minLevel: LevelCode }
  | { kind: 'limit-reached'; limit: number }
  | { kind: 'not-enough-points'; missing: number }

export type Redeemer = { levelCode: LevelCode; pointsBalance: number } | null

/** At most this many in one redemption (the contract's cap), within stock and the member's limit. */
export const MAX_QUANTITY = 10

/** A virtual gift is one unit per redemption, each with its own code (the server refuses more). */
export function maxQuantity(gift: GiftDetail): number {
  const cap = gift.kind === 'virtual' ? 1 : MAX_QUANTITY
  return Math.max(0, Math.min(cap, gift.stock, gift.perMemberLimit - gift.redeemedByMe))
}

/** The first reason a member cannot redeem `quantity` of a gift, or null when they can. */
export function redeemBlock(gift: GiftDetail, member: Redeemer, quantity = 1): RedeemBlock | null {
  if (gift.stock === 0) return { kind: 'sold-out' }
  if (!member) return { kind: 'sign-in' }
  if (LEVEL_CODES.indexOf(member.levelCode) < LEVEL_CODES.indexOf(gift.minLevel)) {
    return { kind: 'level-too-low', minLevel: gift.minLevel }
  }
  if (gift.redeemedByMe >= gift.perMemberLimit) return { kind: 'limit-reached', limit: gift.perMemberLimit }
  const cost = gift.pointsCost * quantity
  if (member.pointsBalance < cost) return { kind: 'not-enough-points', missing: cost - member.pointsBalance }
  return null
}
