import type { BirthdayGift, LevelOverview } from '../../src/contract'
import { endpoints } from '../../src/contract'
import { calendarOf, checkIn, makeUp } from '../checkins'
import { expiringSoon } from '../domain/ledger'
import { levelForGrowth, levelRank } from '../domain/levels'
import { pendingOrderPoints } from '../domain/orders'
import { businessDay } from '../domain/time'
import { ApiError } from '../http/errors'
import { paginate } from '../http/paginate'
import type { Router } from '../http/register'
import { addLedgerEntry, balanceOf, ledgerOf, toLedgerEntry } from '../members'
import type { MemberRecord, MockState } from '../state'
import { completeTask, tasksOf } from '../tasks'

// Check-in, points, tasks, levels and the birthday gift (domain-rules.md). The rules live in checkins.ts,
// tasks.ts and domain/*; this file maps them onto the routes of src/contract/membership.ts.

const levelOverview = (state: MockState, member: MemberRecord): LevelOverview => {
  const level = levelForGrowth(member.growth, state.config.levels)
  return {
    levelCode: level.code,
    growth: member.growth,
    levels: structuredClone(state.config.levels),
    // Growth never goes down, so the highest level reached is the current one.
    uncelebratedLevel: levelRank(level.code) > levelRank(member.celebratedLevel) ? level.code : null,
  }
}

const birthdayGift = (state: MockState, member: MemberRecord, nowMs: number): BirthdayGift => {
  const today = businessDay(nowMs, state.config.timeZone)
  const year = Number(today.slice(0, 4))
  const level = levelForGrowth(member.growth, state.config.levels)
  const status =
    member.birthday === null
      ? 'no_birthday'
      : member.birthdayGiftYear === year
        ? 'claimed'
        : !level.benefits.some((benefit) => benefit.code === 'birthday_gift')
          ? 'not_eligible'
          : member.birthday.slice(5, 7) !== today.slice(5, 7)
            ? 'not_this_month'
            : 'available'
  return { status, birthday: member.birthday, points: state.config.birthdayGiftPoints, year }
}

export const registerMembershipRoutes = ({ register }: Router): void => {
  register(endpoints.checkinCalendar, ({ state, member, query, nowMs }) =>
    calendarOf(state, member, query.month, nowMs),
  )

  // No body: the day is the server's, whatever the client sends.
  register(endpoints.checkIn, ({ state, member, nowMs }) => checkIn(state, member, nowMs))

  register(endpoints.makeUpCheckin, ({ state, member, body, nowMs }) => makeUp(state, member, body.date, nowMs))

  register(endpoints.pointsSummary, ({ state, member, nowMs }) => {
    const balance = balanceOf(state, member.id, nowMs)
    const { timeZone, points } = state.config
    const orders = state.orders.filter((order) => order.memberId === member.id)
    const { pending, nextRelease } = pendingOrderPoints(orders, nowMs, points.pendingDays, timeZone)
    return {
      balance,
      pending,
      nextRelease,
      expiringSoon: expiringSoon(ledgerOf(state, member.id), nowMs, points.expiringSoonDays, timeZone),
      growth: member.growth,
    }
  })

  register(endpoints.pointsLedger, ({ state, member, query, nowMs }) => {
    balanceOf(state, member.id, nowMs) // writes due expiries and releases first, so the pages sum to the balance
    const positioned = state.ledger
      .map((entry, position) => ({ entry, position }))
      .filter(
        ({ entry }) =>
          entry.memberId === member.id &&
          (query.direction === undefined || (query.direction === 'earned' ? entry.delta > 0 : entry.delta < 0)),
      )
    // Newest first; an expiry is dated when its lot expired, so append order alone would not do.
    const page = paginate(positioned, ({ entry, position }) => [-Date.parse(entry.createdAt), -position], query)
    return { items: page.items.map(({ entry }) => toLedgerEntry(entry)), nextCursor: page.nextCursor }
  })

  register(endpoints.tasks, ({ state, member, nowMs }) => ({ items: tasksOf(state, member, nowMs) }))

  register(endpoints.completeTask, ({ state, member, params, nowMs }) => completeTask(state, member, params.id, nowMs))

  register(endpoints.levels, ({ state, member }) => levelOverview(state, member))

  register(endpoints.levelCelebrated, ({ state, member, body }) => {
    const current = levelForGrowth(member.growth, state.config.levels).code
    if (levelRank(body.levelCode) > levelRank(current))
      throw new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid.', {
        fields: { levelCode: `a level the member has reached (now ${current})` },
      })
    if (levelRank(body.levelCode) > levelRank(member.celebratedLevel)) member.celebratedLevel = body.levelCode
    return levelOverview(state, member)
  })

  register(endpoints.birthdayGift, ({ state, member, nowMs }) => birthdayGift(state, member, nowMs))

  register(endpoints.claimBirthdayGift, ({ state, member, nowMs }) => {
    const gift = birthdayGift(state, member, nowMs)
    if (gift.status !== 'available')
      throw new ApiError(409, 'BIRTHDAY_GIFT_UNAVAILABLE', 'The birthday gift cannot be claimed now.', {
        status: gift.status,
      })
    addLedgerEntry(
      state,
      member.id,
      { delta: gift.points, type: 'birthday', reason: `${gift.year} 年生日礼`, refId: null },
      nowMs,
    )
    member.birthdayGiftYear = gift.year
    return birthdayGift(state, member, nowMs)
  })
}
