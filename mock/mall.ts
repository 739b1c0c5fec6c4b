import { randomBytes } from 'node:crypto'
import type { Address, AddressInput, RedeemRequest, Redemption } from '../src/contract'
import { MAX_ADDRESSES, defaultAfter, inDisplayOrder, isDefaultWhenAdded } from './domain/addresses'
import { lotsTakenBy } from './domain/ledger'
import { levelCodeForGrowth } from './domain/levels'
import { canCancel, formatRedemptionCode, redeemRefusal, redemptionStateAt } from './domain/redemptions'
import { formatInstant } from './domain/time'
import { ApiError, notFound } from './http/errors'
import { addLedgerEntry, balanceOf, ledgerOf } from './members'
import type { AddressRecord, MemberRecord, MockState, RedemptionRecord } from './state'
import { newId } from './state'

// The points mall (domain-rules.md, Gifts): redemptions and the address book. Each function runs synchronously
// inside one request, so "enough stock, points and limit?" and the writes that follow cannot interleave with
// another request: every refusal is thrown before the first write.

/** How many of a gift the member holds: the quantity of their redemptions that were not cancelled. */
export const redeemedQuantity = (state: MockState, memberId: string, giftId: string): number =>
  state.redemptions
    .filter((redemption) => redemption.memberId === memberId && redemption.giftId === giftId)
    .filter((redemption) => redemption.cancelledAt === null)
    .reduce((sum, redemption) => sum + redemption.quantity, 0)

export const toRedemption = (state: MockState, record: RedemptionRecord, nowMs: number): Redemption => {
  const at = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms, state.config.timeZone))
  const { status, shippedAtMs, completedAtMs } = redemptionStateAt(record, nowMs)
  return {
    id: record.id,
    giftId: record.giftId,
    giftName: record.giftName,
    giftImage: record.giftImage,
    kind: record.kind,
    quantity: record.quantity,
    pointsSpent: record.pointsSpent,
    status,
    code: record.code,
    address: record.address ? { ...record.address, region: [...record.address.region] } : null,
    createdAt: record.createdAt,
    shippedAt: at(shippedAtMs),
    completedAt: at(completedAtMs),
    cancelledAt: record.cancelledAt,
  }
}

/** A code no other redemption carries (30 bits of randomness per half: a clash is retried, never shared). */
const uniqueCode = (state: MockState): string => {
  const taken = new Set(state.redemptions.map((redemption) => redemption.code))
  for (;;) {
    const code = formatRedemptionCode(randomBytes(8))
    if (!taken.has(code)) return code
  }
}

const REFUSAL_MESSAGES = {
  LEVEL_TOO_LOW: 'Your level is too low for this gift.',
  ADDRESS_REQUIRED: 'A physical gift needs a delivery address.',
  NOT_FOUND: 'The address was not found.',
  OUT_OF_STOCK: 'Not enough of this gift is left.',
  LIMIT_REACHED: 'You have reached the limit for this gift.',
  INSUFFICIENT_POINTS: 'Not enough points for this redemption.',
} as const

/**
 * One atomic redemption: the gift (404), then redeemRefusal's order (level, address, stock, limit, points). On
 * success one `redemption` spend (oldest lots first), the stock down by the quantity, and the redemption with a
 * copy of the address. Virtual gifts and coupons complete at once with a code.
 */
export const redeem = (state: MockState, member: MemberRecord, request: RedeemRequest, nowMs: number): Redemption => {
  const gift = state.gifts.find((candidate) => candidate.id === request.giftId)
  if (!gift) throw notFound('The gift')
  const address =
    request.addressId === undefined
      ? undefined
      : state.addresses.find((candidate) => candidate.id === request.addressId && candidate.memberId === member.id)
  const refusal = redeemRefusal({
    gift,
    quantity: request.quantity,
    levelCode: levelCodeForGrowth(member.growth, state.config.levels),
    hasOwnAddress: request.addressId === undefined ? null : address !== undefined,
    redeemedByMe: redeemedQuantity(state, member.id, gift.id),
    balance: balanceOf(state, member.id, nowMs),
  })
  if (refusal)
    throw new ApiError(
      refusal.status,
      refusal.code,
      REFUSAL_MESSAGES[refusal.code],
      Object.keys(refusal.details).length > 0 ? refusal.details : undefined,
    )

  const id = newId(state, 'rd')
  const pointsSpent = gift.pointsCost * request.quantity
  const spend = addLedgerEntry(
    state,
    member.id,
    {
      delta: -pointsSpent,
      type: 'redemption',
      reason: request.quantity > 1 ? `兑换 ${gift.name} ×${request.quantity}` : `兑换 ${gift.name}`,
      refId: id,
    },
    nowMs,
  )
  if (!spend) throw new Error('A redemption must cost points')
  gift.stock -= request.quantity
  const isPhysical = gift.kind === 'physical'
  const createdAt = formatInstant(nowMs, state.config.timeZone)
  const record: RedemptionRecord = {
    id,
    memberId: member.id,
    giftId: gift.id,
    giftName: gift.name,
    giftImage: gift.images[0] ?? null,
    kind: gift.kind,
    quantity: request.quantity,
    pointsSpent,
    ledgerEntryId: spend.id,
    code: isPhysical ? null : uniqueCode(state),
    address:
      isPhysical && address
        ? { name: address.name, phone: address.phone, region: [...address.region], detail: address.detail }
        : null,
    createdAt,
    completedAt: isPhysical ? null : createdAt,
    cancelledAt: null,
  }
  state.redemptions.push(record)
  return toRedemption(state, record, nowMs)
}

export const ownRedemption = (state: MockState, member: MemberRecord, id: string): RedemptionRecord => {
  const record = state.redemptions.find((candidate) => candidate.id === id && candidate.memberId === member.id)
  if (!record) throw notFound('The redemption')
  return record
}

/**
 * Cancels a redemption still pending shipment: the stock and the points come back once (the second cancel finds
 * it cancelled: 409). The points come back as `redemption_cancel` lots with the expiry of the lots the
 * redemption took (one entry per distinct expiry, usually one), so a cancel neither extends nor shortens them.
 */
export const cancelRedemption = (state: MockState, member: MemberRecord, id: string, nowMs: number): Redemption => {
  const record = ownRedemption(state, member, id)
  if (!canCancel(record, nowMs))
    throw new ApiError(409, 'CANCEL_NOT_ALLOWED', 'Only a redemption pending shipment can be cancelled.', {
      status: redemptionStateAt(record, nowMs).status,
    })
  balanceOf(state, member.id, nowMs) // due expiries first, so the refund comes after them in the ledger
  const reason = `取消兑换 ${record.giftName}`
  let refunded = 0
  for (const lot of lotsTakenBy(ledgerOf(state, member.id), record.ledgerEntryId)) {
    const points = Math.min(lot.points, record.pointsSpent - refunded)
    addLedgerEntry(
      state,
      member.id,
      { delta: points, type: 'redemption_cancel', reason, refId: record.id, expiresAt: lot.expiresAt },
      nowMs,
    )
    refunded += points
  }
  // Only if the spend cannot be traced to lots (it always can in a ledger the mock wrote): a fresh lot.
  addLedgerEntry(
    state,
    member.id,
    { delta: record.pointsSpent - refunded, type: 'redemption_cancel', reason, refId: record.id },
    nowMs,
  )
  const gift = state.gifts.find((candidate) => candidate.id === record.giftId)
  if (gift) gift.stock += record.quantity
  record.cancelledAt = formatInstant(nowMs, state.config.timeZone)
  return toRedemption(state, record, nowMs)
}

export const redemptionsOf = (state: MockState, memberId: string) =>
  state.redemptions
    .map((record, position) => ({ record, position }))
    .filter(({ record }) => record.memberId === memberId)

// The address book.

const addressesOf = (state: MockState, memberId: string): AddressRecord[] =>
  state.addresses.filter((address) => address.memberId === memberId)

export const toAddress = (record: AddressRecord): Address => ({
  id: record.id,
  name: record.name,
  phone: record.phone,
  region: [...record.region],
  detail: record.detail,
  isDefault: record.isDefault,
})

const setDefault = (state: MockState, memberId: string, defaultId: string | null): void => {
  for (const address of addressesOf(state, memberId)) address.isDefault = address.id === defaultId
}

export const listAddresses = (state: MockState, member: MemberRecord): Address[] =>
  inDisplayOrder(addressesOf(state, member.id)).map(toAddress)

export const addAddress = (state: MockState, member: MemberRecord, input: AddressInput, nowMs: number): Address => {
  const mine = addressesOf(state, member.id)
  if (mine.length >= MAX_ADDRESSES)
    throw new ApiError(409, 'ADDRESS_LIMIT_REACHED', `At most ${MAX_ADDRESSES} addresses: delete one first.`, {
      limit: MAX_ADDRESSES,
    })
  const record: AddressRecord = {
    id: newId(state, 'addr'),
    memberId: member.id,
    name: input.name,
    phone: input.phone,
    region: [...input.region],
    detail: input.detail,
    isDefault: false,
    createdAt: formatInstant(nowMs, state.config.timeZone),
  }
  const isDefault = isDefaultWhenAdded(mine, input.isDefault)
  state.addresses.push(record)
  if (isDefault) setDefault(state, member.id, record.id)
  return toAddress(record)
}

const ownAddress = (state: MockState, member: MemberRecord, id: string): AddressRecord => {
  const record = state.addresses.find((candidate) => candidate.id === id && candidate.memberId === member.id)
  if (!record) throw notFound('The address')
  return record
}

/** `isDefault: true` moves the default here; `false` changes nothing (one address is always the default). */
export const updateAddress = (
  state: MockState,
  member: MemberRecord,
  id: string,
  patch: Partial<AddressInput>,
): Address => {
  const record = ownAddress(state, member, id)
  if (patch.name !== undefined) record.name = patch.name
  if (patch.phone !== undefined) record.phone = patch.phone
  if (patch.region !== undefined) record.region = [...patch.region]
  if (patch.detail !== undefined) record.detail = patch.detail
  if (patch.isDefault === true) setDefault(state, member.id, record.id)
  return toAddress(record)
}

/** Deleting the default makes the most recently added remaining address the default. */
export const deleteAddress = (state: MockState, member: MemberRecord, id: string): void => {
  const record = ownAddress(state, member, id)
  state.addresses.splice(state.addresses.indexOf(record), 1)
  setDefault(state, member.id, defaultAfter(addressesOf(state, member.id)))
}
