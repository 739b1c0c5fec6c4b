import type { AppConfig, CheckinRewardAhead, MakeupRefusal } from '../../src/contract'
import { addDays } from './time'

// The check-in rules of domain-rules.md as pure functions of business days (YYYY-MM-DD in the brand time zone).

export type CheckinRules = AppConfig['checkin']

/** Where a streak stands in the reward cycle: 1..cycleDays, then day 1 again (the streak count keeps growing). */
export const cycleDay = (streak: number, cycleDays: number): number => ((Math.max(streak, 1) - 1) % cycleDays) + 1

export const ladderBonus = (day: number, rules: CheckinRules): number =>
  rules.ladder.find((step) => step.day === day)?.bonusPoints ?? 0

/** (base + the ladder's bonus for the cycle day) x the level's multiplier, floored so points stay whole. */
export const checkinPoints = (streak: number, rules: CheckinRules, multiplierPercent: number): number =>
  Math.floor(((rules.basePoints + ladderBonus(cycleDay(streak, rules.cycleDays), rules)) * multiplierPercent) / 100)

/** Consecutive checked days ending on `date` (0 when `date` itself is not checked). Made-up days count. */
export const streakEndingOn = (checked: ReadonlySet<string>, date: string): number => {
  let streak = 0
  for (let day = date; checked.has(day); day = addDays(day, -1)) streak += 1
  return streak
}

/** The streak as the member sees it: through today once checked in, through yesterday until then (it still holds). */
export const currentStreak = (checked: ReadonlySet<string>, today: string): number =>
  checked.has(today) ? streakEndingOn(checked, today) : streakEndingOn(checked, addDays(today, -1))

/**
 * What the next `count` check-ins give if the streak holds: from today when it is not checked in yet,
 * else from tomorrow. Priced at the member's current level.
 */
export const rewardsAhead = (
  checked: ReadonlySet<string>,
  today: string,
  rules: CheckinRules,
  multiplierPercent: number,
  count: number,
): CheckinRewardAhead[] => {
  const first = checked.has(today) ? addDays(today, 1) : today
  const streakBefore = streakEndingOn(checked, addDays(first, -1))
  return Array.from({ length: count }, (_, index) => {
    const streak = streakBefore + index + 1
    const day = cycleDay(streak, rules.cycleDays)
    return {
      date: addDays(first, index),
      streakDay: day,
      points: checkinPoints(streak, rules, multiplierPercent),
      isBonusDay: ladderBonus(day, rules) > 0,
    }
  })
}

/**
 * Why a make-up of `date` is not allowed, or null. Only a missed day of the current business month, before
 * today, on or after the day the member joined, within the month's allowance. Points are checked by the caller.
 */
export const makeupRefusal = (
  date: string,
  {
    today,
    joinedOn,
    checked,
    makeupsUsedThisMonth,
    perMonth,
  }: {
    today: string
    joinedOn: string
    checked: ReadonlySet<string>
    makeupsUsedThisMonth: number
    perMonth: number
  },
): MakeupRefusal | null => {
  if (date >= today) return 'today_or_future'
  if (date.slice(0, 7) !== today.slice(0, 7)) return 'not_this_month'
  if (date < joinedOn) return 'before_joining'
  if (checked.has(date)) return 'already_checked_in'
  if (makeupsUsedThisMonth >= perMonth) return 'no_makeups_left'
  return null
}

/** Every day of a month (YYYY-MM), in order. */
export const daysOfMonth = (month: string): string[] => {
  const days: string[] = []
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) days.push(day)
  return days
}
