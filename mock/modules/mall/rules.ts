import type { Gift, LevelCode, RedemptionStatus } from '../../../src/contract/all'
import { DAY_MS } from '../../platform/clock'
import { levelRank } from '../membership/rules'

// The points mall's rules as pure functions (domain-rules.md, Gifts): the order of the refusals, the states a
// redemption passes through by the clock, the codes of virtual gifts and coupons, and the address book.

type GiftKind = Gift['kind']

/**
 * What is wrong with the quantity asked for this gift, or null. A virtual gift's code is one unit (one e-book, one
 * month of video membership) and a redemption carries one code (the contract's `code`), so a virtual gift is
 * redeemed one unit at a time: each redemption has its own code, up to the member's limit.
 */
export const quantityIssue = (kind: GiftKind, quantity: number): string | null =>
  kind === 'virtual' && quantity > 1 ? 'one per redemption for a virtual gift (each redemption has its own code)' : null

/** A physical redemption made before ship-by times were stored ships this many days after it was made... */
export const SHIP_AFTER_DAYS = 2
/** ...and is delivered (completed) this many days after it shipped. */
export const COMPLETE_AFTER_SHIPPING_DAYS = 7

export type RedemptionTimes = {
  kind: GiftKind
  createdAt: string
  completedAt: string | null
  cancelledAt: string | null
  /** The promised ship-by time (48 h, 24 h with priority shipping): the mock ships then. */
  shipBy?: string | null
}

export type RedemptionState = {
  status: RedemptionStatus
  shippedAtMs: number | null
  completedAtMs: number | null
  cancelledAtMs: number | null
}

/** Where a parcel is: the states gift parcels and product orders share. */
export type ShipmentStatus = 'pending_shipment' | 'shipped' | 'completed'
export type Shipment = { status: ShipmentStatus; shippedAtMs: number | null; completedAtMs: number | null }

/**
 * The mock's fulfilment, the one rule for everything it ships (a physical gift's parcel, a product order's): it has
 * no warehouse, so a parcel ships at its ship-by time and is delivered (completed) COMPLETE_AFTER_SHIPPING_DAYS later.
 * Computed, never stored: the mock clock alone decides, in both directions.
 */
export const shipmentAt = (shipsAtMs: number, nowMs: number): Shipment => {
  const completesAtMs = shipsAtMs + COMPLETE_AFTER_SHIPPING_DAYS * DAY_MS
  if (nowMs < shipsAtMs) return { status: 'pending_shipment', shippedAtMs: null, completedAtMs: null }
  if (nowMs < completesAtMs) return { status: 'shipped', shippedAtMs: shipsAtMs, completedAtMs: null }
  return { status: 'completed', shippedAtMs: shipsAtMs, completedAtMs: completesAtMs }
}

/**
 * Where a redemption stands at `nowMs`. Virtual gifts and coupons are completed when made. A physical one is a
 * parcel (shipmentAt: pending shipment until its ship-by time, then shipped, then completed), unless it was
 * cancelled while still pending.
 */
export const redemptionStateAt = (redemption: RedemptionTimes, nowMs: number): RedemptionState => {
  const cancelledAtMs = redemption.cancelledAt === null ? null : Date.parse(redemption.cancelledAt)
  if (cancelledAtMs !== null) return { status: 'cancelled', shippedAtMs: null, completedAtMs: null, cancelledAtMs }
  if (redemption.kind !== 'physical') {
    const completedAtMs = Date.parse(redemption.completedAt ?? redemption.createdAt)
    return { status: 'completed', shippedAtMs: null, completedAtMs, cancelledAtMs: null }
  }
  const shipsAtMs = redemption.shipBy
    ? Date.parse(redemption.shipBy)
    : Date.parse(redemption.createdAt) + SHIP_AFTER_DAYS * DAY_MS
  return { ...shipmentAt(shipsAtMs, nowMs), cancelledAtMs: null }
}

/** Only a redemption still pending shipment can be cancelled. */
export const canCancel = (redemption: RedemptionTimes, nowMs: number): boolean =>
  redemptionStateAt(redemption, nowMs).status === 'pending_shipment'

/**
 * The redemptions in a status at `nowMs`, as conditions a query can use (the inverse of redemptionStateAt), so
 * a list filtered by status pages in SQL: whether cancelled ones are meant, whether virtual gifts and coupons
 * (always completed) are, and the ship-by times a physical one needs (after `physicalShipsAfterMs`, at or before
 * `physicalShipsUntilMs`; null: no bound).
 */
export type StatusWindow =
  | { isCancelled: true }
  | {
      isCancelled: false
      includesNonPhysical: boolean
      physicalShipsAfterMs: number | null
      physicalShipsUntilMs: number | null
    }

export const statusWindowAt = (status: RedemptionStatus, nowMs: number): StatusWindow => {
  const completesIfShippedBy = nowMs - COMPLETE_AFTER_SHIPPING_DAYS * DAY_MS
  const physical = (shipsAfter: number | null, shipsUntil: number | null): StatusWindow => ({
    isCancelled: false,
    includesNonPhysical: status === 'completed',
    physicalShipsAfterMs: shipsAfter,
    physicalShipsUntilMs: shipsUntil,
  })
  switch (status) {
    case 'cancelled':
      return { isCancelled: true }
    // Pending while nowMs < ship-by; shipped until ship-by + the delivery days.
    case 'pending_shipment':
      return physical(nowMs, null)
    case 'shipped':
      return physical(completesIfShippedBy, nowMs)
    case 'completed':
      return physical(null, completesIfShippedBy)
  }
}

export type RedeemRefusal =
  | { code: 'LEVEL_TOO_LOW'; details: { minLevel: LevelCode; levelCode: LevelCode } }
  | { code: 'ADDRESS_REQUIRED'; details: Record<string, never> }
  | { code: 'NOT_FOUND'; details: Record<string, never> }
  | { code: 'OUT_OF_STOCK'; details: { stock: number; requested: number } }
  | { code: 'LIMIT_REACHED'; details: { perMemberLimit: number; redeemed: number; requested: number } }
  | { code: 'INSUFFICIENT_POINTS'; details: { balance: number; required: number } }

export type RedeemFacts = {
  gift: { kind: GiftKind; minLevel: LevelCode; stock: number; perMemberLimit: number; pointsCost: number }
  quantity: number
  levelCode: LevelCode
  /** null: no addressId sent; false: sent but not one of the member's own addresses. */
  hasOwnAddress: boolean | null
  /** Quantity of the member's non-cancelled redemptions of this gift. */
  redeemedByMe: number
  balance: number
}

/** The facts of a redemption apart from the address: who the member is, what is left, what they hold and have. */
export type RedeemableFacts = Omit<RedeemFacts, 'hasOwnAddress'>

/** Who may: a level below the gift's minimum is refused whatever else holds. */
const levelRefusal = ({ gift, levelCode }: RedeemableFacts): RedeemRefusal | null =>
  levelRank(levelCode) < levelRank(gift.minLevel)
    ? { code: 'LEVEL_TOO_LOW', details: { minLevel: gift.minLevel, levelCode } }
    : null

/** What the request lacks: a physical gift needs one of the member's own addresses. */
const addressRefusal = ({ gift, hasOwnAddress }: RedeemFacts): RedeemRefusal | null => {
  if (hasOwnAddress === false) return { code: 'NOT_FOUND', details: {} }
  if (gift.kind === 'physical' && hasOwnAddress === null) return { code: 'ADDRESS_REQUIRED', details: {} }
  return null
}

/** What is left: the stock, the member's limit, then the points. */
const supplyRefusal = ({ gift, quantity, redeemedByMe, balance }: RedeemableFacts): RedeemRefusal | null => {
  if (gift.stock < quantity) return { code: 'OUT_OF_STOCK', details: { stock: gift.stock, requested: quantity } }
  if (redeemedByMe + quantity > gift.perMemberLimit)
    return {
      code: 'LIMIT_REACHED',
      details: { perMemberLimit: gift.perMemberLimit, redeemed: redeemedByMe, requested: quantity },
    }
  const required = gift.pointsCost * quantity
  if (balance < required) return { code: 'INSUFFICIENT_POINTS', details: { balance, required } }
  return null
}

/**
 * The first reason a redemption is refused, or null. The order (after validation and the gift's 404): who may
 * (level), what the request lacks (address), then what is left (stock, the member's limit, the points), so a
 * member is told first what no amount of points would fix. An addressId that is not the member's own is 404
 * whatever the gift's kind: another member's address is never used, nor confirmed to exist.
 */
export const redeemRefusal = (facts: RedeemFacts): RedeemRefusal | null =>
  levelRefusal(facts) ?? addressRefusal(facts) ?? supplyRefusal(facts)

/**
 * Whether the member could redeem `quantity` of the gift now: none of redeemRefusal's refusals but the address's,
 * which belongs to the request, not to the gift or the member (the redeem sheet picks or adds one for a physical
 * gift). What GET /gifts?affordable=true ("只看我能兑") keeps, for a quantity of 1.
 */
export const isRedeemable = (facts: RedeemableFacts): boolean => (levelRefusal(facts) ?? supplyRefusal(facts)) === null

/** The ledger line of a redemption's spend. */
export const redemptionReason = (giftName: string, quantity: number): string =>
  quantity > 1 ? `兑换 ${giftName} ×${quantity}` : `兑换 ${giftName}`

/** The ledger line of a cancelled redemption's refund. */
export const cancelReason = (giftName: string): string => `取消兑换 ${giftName}`

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_PATTERN = /^FL-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/

/** A code like FL-7KQ2-M9XD from 8 random bytes (each picks one character). */
export const formatRedemptionCode = (bytes: ArrayLike<number>): string => {
  if (bytes.length < 8) throw new Error('formatRedemptionCode needs 8 bytes')
  let chars = ''
  for (let index = 0; index < 8; index += 1) chars += CODE_ALPHABET[(bytes[index] ?? 0) % CODE_ALPHABET.length] ?? '2'
  return `FL-${chars.slice(0, 4)}-${chars.slice(4)}`
}

// Address book rules: at most MAX_ADDRESSES a member, and exactly one default whenever there is any. Addresses
// are given in the order they were added (oldest first).

export const MAX_ADDRESSES = 10

type Entry = { id: string; isDefault: boolean }

/** A new address is the default when it is the first one, or when the member asks for it. */
export const isDefaultWhenAdded = (existing: readonly Entry[], requested: boolean | undefined): boolean =>
  existing.length === 0 || requested === true

/**
 * The default after a change: `chosen` when the member made an address the default; otherwise the current one if
 * it is still there, else the most recently added remaining one (deleting the default), else none.
 */
export const defaultAfter = (remaining: readonly Entry[], chosen: string | null = null): string | null => {
  if (chosen !== null && remaining.some((entry) => entry.id === chosen)) return chosen
  const current = remaining.find((entry) => entry.isDefault)
  if (current) return current.id
  return remaining[remaining.length - 1]?.id ?? null
}

/** As the book is shown: the default first, then the newest first. */
export const inDisplayOrder = <T extends Entry>(entries: readonly T[]): T[] => {
  const newestFirst = [...entries].reverse()
  return [...newestFirst.filter((entry) => entry.isDefault), ...newestFirst.filter((entry) => !entry.isDefault)]
}
