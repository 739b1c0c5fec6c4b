import { randomBytes } from 'node:crypto'
import type { LedgerEntry, Member } from '../src/contract'
import { capFor, cappedAward, pointsEarnedOn } from './domain/caps'
import { expiriesDue, sumLedger } from './domain/ledger'
import { levelCodeForGrowth } from './domain/levels'
import { orderPoints, ordersToRelease, releaseTime } from './domain/orders'
import { bindingRefusal } from './domain/referral'
import { addDaysToInstant, businessDay, endOfNextYear, formatInstant } from './domain/time'
import type { LedgerRecord, MemberRecord, MockState } from './state'
import { newId } from './state'

// State-changing rules shared by routes. Each runs synchronously inside one request.

export const ledgerOf = (state: MockState, memberId: string): LedgerRecord[] =>
  state.ledger.filter((entry) => entry.memberId === memberId)

/**
 * The one way points change: an appended entry, dated now. Earned points get their lot's expiry (end of
 * the next year) unless the entry gives back points that had their own (a cancelled redemption's refund);
 * spends carry none. Nothing is written for zero. Callers check the balance before spending.
 */
export const addLedgerEntry = (
  state: MockState,
  memberId: string,
  entry: Pick<LedgerRecord, 'delta' | 'type' | 'reason' | 'refId'> & { expiresAt?: string | null },
  nowMs: number,
): LedgerRecord | null => {
  if (entry.delta === 0) return null
  const timeZone = state.config.timeZone
  const { expiresAt, ...fields } = entry
  const record: LedgerRecord = {
    id: newId(state, 'pt'),
    memberId,
    ...fields,
    createdAt: formatInstant(nowMs, timeZone),
    expiresAt: entry.delta > 0 ? (expiresAt === undefined ? endOfNextYear(nowMs, timeZone) : expiresAt) : null,
  }
  state.ledger.push(record)
  return record
}

/**
 * Points for one action of a capped source (a post, a comment): the source's pointsEach, cut to what its daily
 * maximum still allows today; a source without a configured cap pays nothing. The entry's type is the source,
 * which is how the next call knows what was paid today. Answers the points paid.
 */
export const earnWithinDailyCap = (
  state: MockState,
  memberId: string,
  source: string,
  entry: Pick<LedgerRecord, 'reason' | 'refId'>,
  nowMs: number,
): number => {
  const { timeZone, points } = state.config
  const cap = capFor(source, points.dailyCaps)
  const today = businessDay(nowMs, timeZone)
  const paid = cap ? cappedAward(cap, pointsEarnedOn(ledgerOf(state, memberId), source, today, timeZone)) : 0
  addLedgerEntry(state, memberId, { delta: paid, type: source, ...entry }, nowMs)
  return paid
}

/** Order points leave the refund window as an `order` entry dated when they became available. */
const releaseOrderPoints = (state: MockState, memberId: string, nowMs: number): void => {
  const released = new Set(
    ledgerOf(state, memberId)
      .filter((entry) => entry.type === 'order' && entry.refId !== null)
      .map((entry) => entry.refId ?? ''),
  )
  const orders = state.orders.filter((order) => order.memberId === memberId)
  for (const order of ordersToRelease(orders, released, nowMs, state.config.points.pendingDays)) {
    const releasedMs = releaseTime(order, state.config.points.pendingDays)
    addLedgerEntry(
      state,
      memberId,
      { delta: orderPoints(order.amountFen), type: 'order', reason: '订单积分到账', refId: order.id },
      releasedMs,
    )
  }
}

/**
 * Expired lots become `expiry` entries (dated when they expired) before anyone looks at the balance,
 * so "balance = sum of the ledger" holds at every read, whenever the clock was moved.
 */
export const settleExpiredPoints = (state: MockState, memberId: string, nowMs: number): void => {
  for (const lot of expiriesDue(ledgerOf(state, memberId), nowMs)) {
    state.ledger.push({
      id: newId(state, 'pt'),
      memberId,
      delta: -lot.remaining,
      type: 'expiry',
      reason: '积分到期',
      refId: lot.id,
      createdAt: lot.expiresAt ?? formatInstant(nowMs, state.config.timeZone),
      expiresAt: null,
    })
  }
}

/** Brings the ledger up to the clock: released order points first (they may have expired since), then expiries. */
export const settlePoints = (state: MockState, memberId: string, nowMs: number): void => {
  releaseOrderPoints(state, memberId, nowMs)
  settleExpiredPoints(state, memberId, nowMs)
}

export const balanceOf = (state: MockState, memberId: string, nowMs: number): number => {
  settlePoints(state, memberId, nowMs)
  return sumLedger(ledgerOf(state, memberId))
}

export const toMember = (state: MockState, record: MemberRecord, nowMs: number): Member => ({
  id: record.id,
  nickname: record.nickname,
  avatarUrl: record.avatarUrl,
  levelCode: levelCodeForGrowth(record.growth, state.config.levels),
  growth: record.growth,
  pointsBalance: balanceOf(state, record.id, nowMs),
  isDistributor: record.isDistributor,
  referralCode: record.referralCode,
  birthday: record.birthday,
})

export const toLedgerEntry = (entry: LedgerRecord): LedgerEntry => ({
  id: entry.id,
  delta: entry.delta,
  type: entry.type,
  reason: entry.reason,
  refId: entry.refId,
  createdAt: entry.createdAt,
  expiresAt: entry.expiresAt,
})

export const createMember = (
  state: MockState,
  fields: Pick<MemberRecord, 'nickname'> & Partial<Pick<MemberRecord, 'phone' | 'wechatOpenId'>>,
  nowMs: number,
): MemberRecord => {
  const member: MemberRecord = {
    id: newId(state, 'm'),
    nickname: fields.nickname,
    nicknameSetByMember: false,
    avatarUrl: '',
    phone: fields.phone ?? null,
    wechatOpenId: fields.wechatOpenId ?? null,
    growth: 0,
    birthday: null,
    birthdayGiftYear: null,
    // A new member starts at the first level with nothing to celebrate.
    celebratedLevel: levelCodeForGrowth(0, state.config.levels),
    isDistributor: false,
    referralCode: null,
    signupRef: null,
    createdAt: formatInstant(nowMs, state.config.timeZone),
  }
  state.members.push(member)
  return member
}

/** Opaque and unguessable; sessions live in the state, so they survive a restart. */
export const createSession = (state: MockState, memberId: string, nowMs: number): string => {
  const token = `fl_${randomBytes(32).toString('base64url')}`
  state.sessions[token] = { memberId, createdAt: formatInstant(nowMs, state.config.timeZone) }
  return token
}

/**
 * A sign-in that carries a referral code: the first code is kept for attribution, and a member without a
 * referrer is bound to the code's distributor for the protection window (first touch, never self, never a loop).
 * An unknown code binds nothing and never fails the sign-in. Answers the distributor it bound to, if any.
 */
export const applyReferral = (
  state: MockState,
  member: MemberRecord,
  ref: string,
  nowMs: number,
): MemberRecord | null => {
  member.signupRef ??= ref
  const distributor = state.members.find(
    (candidate) => candidate.isDistributor && candidate.referralCode?.toUpperCase() === ref.toUpperCase(),
  )
  if (!distributor || bindingRefusal(member.id, distributor.id, state.bindings) !== null) return null
  const timeZone = state.config.timeZone
  state.bindings.push({
    memberId: member.id,
    distributorId: distributor.id,
    source: 'link',
    boundAt: formatInstant(nowMs, timeZone),
    protectedUntil: formatInstant(addDaysToInstant(nowMs, state.config.distribution.bindingDays), timeZone),
  })
  return distributor
}
