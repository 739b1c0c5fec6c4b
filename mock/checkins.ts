import type { CheckinCalendar, CheckinResult, MakeupResult } from '../src/contract'
import {
  checkinPoints,
  currentStreak,
  daysOfMonth,
  makeupRefusal,
  rewardsAhead,
  streakEndingOn,
} from './domain/checkin'
import { levelForGrowth } from './domain/levels'
import { businessDay, formatInstant } from './domain/time'
import { ApiError } from './http/errors'
import { addLedgerEntry, balanceOf } from './members'
import type { CheckinRecord, MemberRecord, MockState } from './state'
import { newId } from './state'
import { settleTasks } from './tasks'

// Check-in, make-up and the calendar (domain-rules.md, Check-in). The day is always the server's business day:
// nothing the client sends decides it. Each function runs synchronously inside one request, so a day's
// "already checked in?" and the write that follows cannot interleave with another request.

const checkinsOf = (state: MockState, memberId: string): CheckinRecord[] =>
  state.checkins.filter((checkin) => checkin.memberId === memberId)

const checkedSet = (state: MockState, memberId: string): Set<string> =>
  new Set(checkinsOf(state, memberId).map((checkin) => checkin.date))

const multiplierOf = (state: MockState, member: MemberRecord): number =>
  levelForGrowth(member.growth, state.config.levels).checkinMultiplierPercent

const makeupsUsedIn = (state: MockState, memberId: string, month: string): number =>
  checkinsOf(state, memberId).filter((checkin) => checkin.isMakeup && checkin.date.startsWith(month)).length

const makeupsLeft = (state: MockState, memberId: string, today: string): number =>
  Math.max(0, state.config.checkin.makeup.perMonth - makeupsUsedIn(state, memberId, today.slice(0, 7)))

const addCheckin = (state: MockState, memberId: string, date: string, isMakeup: boolean, nowMs: number) => {
  const checkin: CheckinRecord = {
    id: newId(state, 'ci'),
    memberId,
    date,
    isMakeup,
    createdAt: formatInstant(nowMs, state.config.timeZone),
  }
  state.checkins.push(checkin)
  return checkin
}

const todayOf = (state: MockState, nowMs: number): string => businessDay(nowMs, state.config.timeZone)

export const checkIn = (state: MockState, member: MemberRecord, nowMs: number): CheckinResult => {
  const rules = state.config.checkin
  const today = todayOf(state, nowMs)
  const checked = checkedSet(state, member.id)
  if (checked.has(today))
    throw new ApiError(409, 'ALREADY_CHECKED_IN', 'You have already checked in today.', { date: today })

  checked.add(today)
  const streak = streakEndingOn(checked, today)
  // Priced at the level the member had when they checked in; the growth it brings counts from tomorrow.
  const points = checkinPoints(streak, rules, multiplierOf(state, member))
  const checkin = addCheckin(state, member.id, today, false, nowMs)
  addLedgerEntry(
    state,
    member.id,
    { delta: points, type: 'checkin', reason: `每日签到 第 ${streak} 天`, refId: checkin.id },
    nowMs,
  )
  member.growth += rules.growthPerCheckin
  settleTasks(state, member, nowMs)

  const level = levelForGrowth(member.growth, state.config.levels)
  const [tomorrow] = rewardsAhead(checked, today, rules, level.checkinMultiplierPercent, 1)
  if (!tomorrow) throw new Error('rewardsAhead answered nothing')
  return {
    date: today,
    streak,
    pointsAwarded: points,
    growthAwarded: rules.growthPerCheckin,
    pointsBalance: balanceOf(state, member.id, nowMs),
    growth: member.growth,
    levelCode: level.code,
    tomorrow,
  }
}

/**
 * A make-up (补签) repairs the streak across a missed day of this month for points. It pays no check-in points
 * and no growth: members buy back their streak, they do not buy points with points.
 */
export const makeUp = (state: MockState, member: MemberRecord, date: string, nowMs: number): MakeupResult => {
  const { perMonth, costPoints } = state.config.checkin.makeup
  const today = todayOf(state, nowMs)
  const checked = checkedSet(state, member.id)
  const reason = makeupRefusal(date, {
    today,
    joinedOn: businessDay(Date.parse(member.createdAt), state.config.timeZone),
    checked,
    makeupsUsedThisMonth: makeupsUsedIn(state, member.id, today.slice(0, 7)),
    perMonth,
  })
  if (reason !== null) throw new ApiError(409, 'MAKEUP_NOT_ALLOWED', 'This day cannot be made up.', { reason, date })
  const balance = balanceOf(state, member.id, nowMs)
  if (balance < costPoints)
    throw new ApiError(409, 'INSUFFICIENT_POINTS', 'Not enough points for a make-up.', {
      balance,
      required: costPoints,
    })

  const checkin = addCheckin(state, member.id, date, true, nowMs)
  addLedgerEntry(
    state,
    member.id,
    { delta: -costPoints, type: 'makeup', reason: `补签 ${date.slice(5)}`, refId: checkin.id },
    nowMs,
  )
  checked.add(date)
  return {
    date,
    streak: currentStreak(checked, today),
    pointsSpent: costPoints,
    pointsBalance: balanceOf(state, member.id, nowMs),
    makeupsLeft: makeupsLeft(state, member.id, today),
  }
}

export const calendarOf = (
  state: MockState,
  member: MemberRecord,
  month: string | undefined,
  nowMs: number,
): CheckinCalendar => {
  const today = todayOf(state, nowMs)
  const shown = month ?? today.slice(0, 7)
  const records = checkinsOf(state, member.id)
  const checked = new Set(records.map((checkin) => checkin.date))
  const joinedOn = businessDay(Date.parse(member.createdAt), state.config.timeZone)
  const days = daysOfMonth(shown)
  const inMonth = records.filter((checkin) => checkin.date.startsWith(shown))
  return {
    month: shown,
    today,
    checkedDates: days.filter((day) => checked.has(day)),
    madeUpDates: inMonth
      .filter((checkin) => checkin.isMakeup)
      .map((checkin) => checkin.date)
      .sort(),
    missedDates: days.filter((day) => day < today && day >= joinedOn && !checked.has(day)),
    streak: currentStreak(checked, today),
    checkedInToday: checked.has(today),
    makeupsLeft: makeupsLeft(state, member.id, today),
    makeupCostPoints: state.config.checkin.makeup.costPoints,
    ladder: rewardsAhead(
      checked,
      today,
      state.config.checkin,
      multiplierOf(state, member),
      state.config.checkin.cycleDays,
    ),
  }
}
