import { randomBytes } from 'node:crypto'
import type {
  Address,
  AddressInput,
  Gift,
  GiftCategory,
  GiftDetail,
  RedeemRequest,
  Redemption,
  RedemptionStatus,
} from '../../../src/contract/all'
import { ApiError, invalid, notFound } from '../../platform/errors'
import type { Ctx } from '../../platform/http'
import { isoAt } from '../../platform/http'
import { newId } from '../../platform/ids'
import { pageLimit, paginate, sqlPage, wholeCursorKey, type PageQuery } from '../../platform/paginate'
import { businessDay } from '../../platform/time'
import type { MemberRow } from '../account/service'
import { levelCodeForGrowth, levelRank } from '../membership/service'
import { issueGiftCoupons } from '../coupons/service'
import { addEntry, balanceOf, refundSpend } from '../points/service'
import { shippingPromise } from '../plans/service'
import * as data from './data'
import type { AddressRow, GiftRow, RedemptionRow } from './data'
import {
  MAX_ADDRESSES,
  cancelReason,
  canCancel,
  defaultAfter,
  formatRedemptionCode,
  inDisplayOrder,
  isDefaultWhenAdded,
  isRedeemable,
  quantityIssue,
  redeemRefusal,
  redemptionReason,
  redemptionStateAt,
  statusWindowAt,
  type RedeemRefusal,
  type RedemptionTimes,
} from './rules'

// The points mall (domain-rules.md, Gifts): the catalogue, redemptions and the address book. A member's own
// writes run one after another (the http frame holds their row lock), so "limit reached?" and "enough points?"
// hold inside the handler; the stock, shared by every member, holds by a conditional update in the database.

/** The old GiftRecord: what the seed writes. */
/** A gift of the catalogue; a coupon gift has its coupons' terms (kept by the server, not in the Gift answer). */
export type GiftInput = Gift & { couponTerms?: data.CouponTerms }

export const toGift = (gift: GiftRow): Gift => ({
  id: gift.id,
  name: gift.name,
  description: gift.description,
  category: gift.category,
  images: [...gift.images],
  pointsCost: gift.pointsCost,
  stock: gift.stock,
  perMemberLimit: gift.perMemberLimit,
  minLevel: gift.minLevel,
  kind: gift.kind,
})

// The catalogue.

export const createGiftCategories = (ctx: Ctx, categories: readonly GiftCategory[]): Promise<void> =>
  data.insertGiftCategories(
    ctx.sql,
    categories.map(({ id, name }) => ({ id, name })),
  )

export const createGifts = async (ctx: Ctx, gifts: readonly GiftInput[]): Promise<void> => {
  for (const { couponTerms, ...gift } of gifts) {
    await data.insertGift(ctx.sql, gift)
    if (couponTerms) await data.insertCouponTerms(ctx.sql, gift.id, couponTerms)
  }
}

/** The /__mock tool: any stock from 0 up, for previews and tests. */
export const setGiftStock = async (ctx: Ctx, giftId: string, stock: number): Promise<Gift> => {
  const gift = await data.setStock(ctx.sql, giftId, stock)
  if (!gift) throw notFound('The gift')
  return toGift(gift)
}

export const giftCategoriesPage = async (ctx: Ctx, query: PageQuery) => {
  const positioned = (await data.giftCategories(ctx.sql)).map((category, position) => ({ category, position }))
  const page = paginate(positioned, ({ position }) => [position], query)
  return { items: page.items.map(({ category }) => ({ ...category })), nextCursor: page.nextCursor }
}

export const giftsPage = async (
  ctx: Ctx,
  member: MemberRow | null,
  query: PageQuery & { category?: string; affordable?: 'true' | 'false' },
) => {
  let gifts = await data.gifts(ctx.sql, { category: query.category })
  if (query.affordable === 'true') {
    // Without a member there is no balance to compare with; answering the unfiltered list would mislabel it.
    if (!member) throw new ApiError('UNAUTHORIZED', 'Sign in to filter gifts by what you can afford.')
    // What the member could redeem one of now, by redeem's own rule: level, stock, their limit and the points.
    const levelCode = levelCodeForGrowth(member.growth, ctx.config.levels)
    const balance = await balanceOf(ctx, member.id)
    const redeemed = await data.redeemedQuantities(ctx.sql, member.id)
    gifts = gifts.filter((gift) =>
      isRedeemable({ gift, quantity: 1, levelCode, redeemedByMe: redeemed.get(gift.id) ?? 0, balance }),
    )
  }
  // What a member can get comes first: sold-out gifts go last, then by level and cost.
  const page = paginate(
    gifts,
    (gift) => [gift.stock === 0 ? 1 : 0, levelRank(gift.minLevel), gift.pointsCost, gift.id],
    query,
  )
  return { items: page.items.map(toGift), nextCursor: page.nextCursor }
}

/** A visitor (or a stale token) sees 0: how many the signed-in member holds, not cancelled. */
export const giftDetail = async (ctx: Ctx, member: MemberRow | null, giftId: string): Promise<GiftDetail> => {
  const gift = await data.giftById(ctx.sql, giftId)
  if (!gift) throw notFound('The gift')
  return { ...toGift(gift), redeemedByMe: member ? await data.redeemedQuantity(ctx.sql, member.id, gift.id) : 0 }
}

// Redemptions.

const timesOf = (row: RedemptionRow): RedemptionTimes => ({
  kind: row.kind,
  createdAt: row.createdAt.toISOString(),
  completedAt: row.completedAt === null ? null : row.completedAt.toISOString(),
  cancelledAt: row.cancelledAt === null ? null : row.cancelledAt.toISOString(),
  shipBy: row.shipBy === null ? null : row.shipBy.toISOString(),
})

export const toRedemption = (ctx: Ctx, row: RedemptionRow): Redemption => {
  const at = (ms: number | null): string | null => (ms === null ? null : isoAt(ctx, ms))
  const { status, shippedAtMs, completedAtMs } = redemptionStateAt(timesOf(row), ctx.nowMs)
  return {
    id: row.id,
    giftId: row.giftId,
    giftName: row.giftName,
    giftImage: row.giftImage,
    kind: row.kind,
    quantity: row.quantity,
    pointsSpent: row.pointsSpent,
    status,
    code: row.code,
    address: row.address ? { ...row.address, region: [...row.address.region] } : null,
    createdAt: isoAt(ctx, row.createdAt),
    shipBy: row.shipBy === null ? null : isoAt(ctx, row.shipBy),
    priorityShipping: row.priorityShipping,
    shippedAt: at(shippedAtMs),
    completedAt: at(completedAtMs),
    cancelledAt: row.cancelledAt === null ? null : isoAt(ctx, row.cancelledAt),
  }
}

const REFUSAL_MESSAGES: Record<RedeemRefusal['code'], string> = {
  LEVEL_TOO_LOW: 'Your level is too low for this gift.',
  ADDRESS_REQUIRED: 'A physical gift needs a delivery address.',
  NOT_FOUND: 'The address was not found.',
  OUT_OF_STOCK: 'Not enough of this gift is left.',
  LIMIT_REACHED: 'You have reached the limit for this gift.',
  INSUFFICIENT_POINTS: 'Not enough points for this redemption.',
}

const refusalError = (refusal: RedeemRefusal): ApiError =>
  new ApiError(
    refusal.code,
    REFUSAL_MESSAGES[refusal.code],
    Object.keys(refusal.details).length > 0 ? refusal.details : undefined,
  )

/**
 * One atomic redemption: the gift (404), the quantity its kind allows (400), then redeemRefusal's order (level, address, stock, limit, points). On
 * success the stock down by the quantity, one `redemption` spend (oldest lots first), and the redemption with a
 * copy of the address. Virtual gifts and coupons complete at once with a code; a coupon gift with terms also puts
 * one coupon per unit in the member's wallet (the coupons module). Any refusal, including the stock
 * lost to another member between the read and the update, rolls back all of it.
 */
export const redeem = async (ctx: Ctx, member: MemberRow, request: RedeemRequest): Promise<Redemption> => {
  const gift = await data.giftById(ctx.sql, request.giftId)
  if (!gift) throw notFound('The gift')
  const issue = quantityIssue(gift.kind, request.quantity)
  if (issue) throw invalid({ quantity: issue })
  const address = request.addressId === undefined ? null : await data.ownAddress(ctx.sql, member.id, request.addressId)
  const refusal = redeemRefusal({
    gift,
    quantity: request.quantity,
    levelCode: levelCodeForGrowth(member.growth, ctx.config.levels),
    hasOwnAddress: request.addressId === undefined ? null : address !== null,
    redeemedByMe: await data.redeemedQuantity(ctx.sql, member.id, gift.id),
    balance: await balanceOf(ctx, member.id),
  })
  if (refusal) throw refusalError(refusal)

  // The stock read above may be gone by now (another member's redemption committed): the update decides.
  if ((await data.takeStock(ctx.sql, gift.id, request.quantity)) === null) {
    const left = (await data.giftById(ctx.sql, gift.id))?.stock ?? 0
    throw refusalError({ code: 'OUT_OF_STOCK', details: { stock: left, requested: request.quantity } })
  }
  const id = await newId(ctx.sql, 'rd')
  const pointsSpent = gift.pointsCost * request.quantity
  const spend = await addEntry(ctx, member.id, {
    delta: -pointsSpent,
    type: 'redemption',
    reason: redemptionReason(gift.name, request.quantity),
    refId: id,
  })
  if (!spend) throw new Error('A redemption must cost points')
  const isPhysical = gift.kind === 'physical'
  const shipping = isPhysical ? await shippingPromise(ctx, member.id) : null
  const fields = {
    id,
    memberId: member.id,
    giftId: gift.id,
    giftName: gift.name,
    giftImage: gift.images[0] ?? null,
    kind: gift.kind,
    quantity: request.quantity,
    pointsSpent,
    ledgerEntryId: spend.id,
    address:
      isPhysical && address
        ? { name: address.name, phone: address.phone, region: [...address.region], detail: address.detail }
        : null,
    createdAt: ctx.nowMs,
    completedAt: isPhysical ? null : ctx.nowMs,
    shipBy: shipping?.shipBy ?? null,
    priorityShipping: shipping?.priorityShipping ?? false,
  }
  // About 40 bits of randomness per code: a clash with an existing code is retried with another, never shared.
  for (;;) {
    const row = await data.insertRedemption(ctx.sql, {
      ...fields,
      code: isPhysical ? null : formatRedemptionCode(randomBytes(8)),
    })
    if (!row) continue
    // A coupon gift is spent in the shop: one coupon per unit in the wallet, in the same transaction.
    const terms = gift.kind === 'coupon' ? await data.couponTermsOf(ctx.sql, gift.id) : null
    if (terms) await issueGiftCoupons(ctx, { memberId: member.id, redemptionId: id, quantity: request.quantity }, terms)
    return toRedemption(ctx, row)
  }
}

const ownRedemption = async (ctx: Ctx, member: MemberRow, id: string): Promise<RedemptionRow> => {
  const row = await data.ownRedemption(ctx.sql, member.id, id)
  if (!row) throw notFound('The redemption')
  return row
}

export const redemption = async (ctx: Ctx, member: MemberRow, id: string): Promise<Redemption> =>
  toRedemption(ctx, await ownRedemption(ctx, member, id))

const cancelNotAllowed = (status: RedemptionStatus): ApiError =>
  new ApiError('CANCEL_NOT_ALLOWED', 'Only a redemption pending shipment can be cancelled.', { status })

/**
 * Cancels a redemption still pending shipment: the stock and the points come back once (the second cancel finds
 * it cancelled: 409). The points come back as `redemption_cancel` entries with the expiry of the lots the
 * redemption took, so a cancel neither extends nor shortens them.
 */
export const cancelRedemption = async (ctx: Ctx, member: MemberRow, id: string): Promise<Redemption> => {
  const row = await ownRedemption(ctx, member, id)
  if (!canCancel(timesOf(row), ctx.nowMs)) throw cancelNotAllowed(redemptionStateAt(timesOf(row), ctx.nowMs).status)
  await balanceOf(ctx, member.id) // due expiries first, so the refund comes after them in the ledger
  // Conditional, so a cancel that lost a race to another one (on any connection) gives nothing back twice.
  const cancelled = await data.markCancelled(ctx.sql, row.id, ctx.nowMs)
  if (!cancelled) throw cancelNotAllowed('cancelled')
  await refundSpend(ctx, member.id, row.ledgerEntryId, {
    type: 'redemption_cancel',
    reason: cancelReason(row.giftName),
    refId: row.id,
  })
  await data.returnStock(ctx.sql, row.giftId, row.quantity)
  return toRedemption(ctx, cancelled)
}

export const redemptionsPage = async (
  ctx: Ctx,
  member: MemberRow,
  query: PageQuery & { status?: RedemptionStatus },
) => {
  const limit = pageLimit(query)
  const after = wholeCursorKey(query, ['number', 'number'] as const)
  const rows = await data.redemptionsPage(ctx.sql, member.id, {
    window: query.status === undefined ? null : statusWindowAt(query.status, ctx.nowMs),
    after,
    limit: limit + 1,
  })
  const page = sqlPage(rows, limit, (row) => [row.createdAt.getTime(), row.position])
  return { items: page.items.map((row) => toRedemption(ctx, row)), nextCursor: page.nextCursor }
}

/** Business days (brand time zone) of the member's redemptions that stand, for the first-redemption task. */
export const standingRedemptionDays = async (ctx: Ctx, memberId: string): Promise<string[]> =>
  (await data.standingRedemptionTimes(ctx.sql, memberId)).map((at) => businessDay(at.getTime(), ctx.config.timeZone))

// The address book.

export const toAddress = (row: AddressRow): Address => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  region: [...row.region],
  detail: row.detail,
  isDefault: row.isDefault,
})

export const listAddresses = async (ctx: Ctx, member: MemberRow): Promise<{ items: Address[] }> => ({
  items: inDisplayOrder(await data.addressesOf(ctx.sql, member.id)).map(toAddress),
})

export const addAddress = async (ctx: Ctx, member: MemberRow, input: AddressInput): Promise<Address> => {
  const mine = await data.addressesOf(ctx.sql, member.id)
  // The same address again (the save retried after an answer that never arrived, a second tap): the one already
  // kept, made the default if asked, never a copy in the book.
  const same = mine.find((row) => isSameAddress(row, input))
  if (same) {
    if (input.isDefault === true && !same.isDefault) await data.setDefaultAddress(ctx.sql, member.id, same.id)
    return toAddress({ ...same, isDefault: same.isDefault || input.isDefault === true })
  }
  if (mine.length >= MAX_ADDRESSES)
    throw new ApiError('ADDRESS_LIMIT_REACHED', `At most ${MAX_ADDRESSES} addresses: delete one first.`, {
      limit: MAX_ADDRESSES,
    })
  const isDefault = isDefaultWhenAdded(mine, input.isDefault)
  if (isDefault) await data.setDefaultAddress(ctx.sql, member.id, null)
  const row = await data.insertAddress(ctx.sql, {
    id: await newId(ctx.sql, 'addr'),
    memberId: member.id,
    name: input.name,
    phone: input.phone,
    region: [...input.region],
    detail: input.detail,
    isDefault,
    createdAt: ctx.nowMs,
  })
  return toAddress(row)
}

const isSameAddress = (row: AddressRow, input: AddressInput): boolean =>
  row.name === input.name &&
  row.phone === input.phone &&
  row.detail === input.detail &&
  row.region.length === input.region.length &&
  row.region.every((part, index) => part === input.region[index])

const ownAddress = async (ctx: Ctx, member: MemberRow, id: string): Promise<AddressRow> => {
  const row = await data.ownAddress(ctx.sql, member.id, id)
  if (!row) throw notFound('The address')
  return row
}

/** `isDefault: true` moves the default here; `false` changes nothing (one address is always the default). */
export const updateAddress = async (
  ctx: Ctx,
  member: MemberRow,
  id: string,
  patch: Partial<AddressInput>,
): Promise<Address> => {
  const row = await ownAddress(ctx, member, id)
  await data.updateAddressFields(ctx.sql, row.id, {
    name: patch.name,
    phone: patch.phone,
    region: patch.region === undefined ? undefined : [...patch.region],
    detail: patch.detail,
  })
  if (patch.isDefault === true) await data.setDefaultAddress(ctx.sql, member.id, row.id)
  return toAddress(await ownAddress(ctx, member, id))
}

/** Deleting the default makes the most recently added remaining address the default. */
export const deleteAddress = async (ctx: Ctx, member: MemberRow, id: string): Promise<void> => {
  const row = await ownAddress(ctx, member, id)
  await data.deleteAddress(ctx.sql, row.id)
  await data.setDefaultAddress(ctx.sql, member.id, defaultAfter(await data.addressesOf(ctx.sql, member.id)))
}
