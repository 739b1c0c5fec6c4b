import { randomBytes } from 'node:crypto'
import type { LedgerEntry, Member } from '../src/contract'
import { levelCodeForGrowth } from './domain/levels'
import { expiriesDue, sumLedger } from './domain/ledger'
import { bindingRefusal } from './domain/referral'
import { addDaysToInstant, formatInstant } from './domain/time'
import type { LedgerRecord, MemberRecord, MockState } from './state'
import { newId } from './state'

// State-changing rules shared by routes. Each runs synchronously inside one request.

export const ledgerOf = (state: MockState, memberId: string): LedgerRecord[] =>
  state.ledger.filter((entry) => entry.memberId === memberId)

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

export const balanceOf = (state: MockState, memberId: string, nowMs: number): number => {
  settleExpiredPoints(state, memberId, nowMs)
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
    avatarUrl: '',
    phone: fields.phone ?? null,
    wechatOpenId: fields.wechatOpenId ?? null,
    growth: 0,
    birthday: null,
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
 * An unknown code binds nothing and never fails the sign-in.
 */
export const applyReferral = (state: MockState, member: MemberRecord, ref: string, nowMs: number): void => {
  member.signupRef ??= ref
  const distributor = state.members.find(
    (candidate) => candidate.isDistributor && candidate.referralCode?.toUpperCase() === ref.toUpperCase(),
  )
  if (!distributor || bindingRefusal(member.id, distributor.id, state.bindings) !== null) return
  const timeZone = state.config.timeZone
  state.bindings.push({
    memberId: member.id,
    distributorId: distributor.id,
    source: 'link',
    boundAt: formatInstant(nowMs, timeZone),
    protectedUntil: formatInstant(addDaysToInstant(nowMs, state.config.distribution.bindingDays), timeZone),
  })
}
