import type {
  AppConfig,
  BirthdayGift,
  CheckinRewardAhead,
  LevelCode,
  LevelDefinition,
  MakeupRefusal,
  TaskAction,
  TaskKind,
} from '../../../src/contract/all'
import type { FeatureName } from '../../../src/contract/features'
import { addDays } from '../../platform/time'

// The membership rules of domain-rules.md (Check-in, Levels and benefits, Tasks) as pure functions of business
// days (YYYY-MM-DD in the brand time zone) and plain values: no clock, no database.

// ---------------------------------------------------------------------------------------------------------------
// Check-in

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

/** The checked days right after `date`, up to the first gap: the check-ins a make-up of `date` lengthens the streak of. */
export const daysJoinedAfter = (checked: ReadonlySet<string>, date: string): string[] => {
  const days: string[] = []
  for (let day = addDays(date, 1); checked.has(day); day = addDays(day, 1)) days.push(day)
  return days
}

/**
 * The level multiplier (percent) a check-in was priced at, read back from what its own entry paid at the streak it
 * had then: of the configured multipliers that pay exactly that, `preferred` (the member's level now) when it is one
 * of them, else the lowest; null when none does (the ladder or the levels changed since).
 */
export const multiplierThatPaid = (
  paid: number,
  streak: number,
  rules: CheckinRules,
  percents: readonly number[],
  preferred: number,
): number | null => {
  const matching = percents.filter((percent) => checkinPoints(streak, rules, percent) === paid)
  if (matching.includes(preferred)) return preferred
  return matching.length > 0 ? Math.min(...matching) : null
}

/**
 * What a make-up pays back on the check-ins whose streak it lengthens (in date order): each is due what its day of
 * the restored streak pays and was paid something already. The run is settled as a whole, so the outcome is what
 * making up first would have paid: the total due less the total paid, when positive, goes to the check-ins paid less
 * than their due, latest first (today's, whose day the member sees), each up to its shortfall. Nothing is taken
 * back: where the restored cycle moves a bonus to another day, the day paid the old bonus keeps it and it counts
 * against what the run is owed, so letting a make-up wait is never worth more than making it up at once.
 */
export const restoredPoints = (checkins: readonly { due: number; paid: number }[]): number[] => {
  let owed = Math.max(
    0,
    checkins.reduce((sum, checkin) => sum + checkin.due - checkin.paid, 0),
  )
  return checkins
    .map(({ due, paid }) => Math.max(0, due - paid))
    .reduceRight<number[]>((given, shortfall) => {
      const paidBack = Math.min(owed, shortfall)
      owed -= paidBack
      return [paidBack, ...given]
    }, [])
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

/** The first day of the month after `month` (YYYY-MM), for half-open date ranges. */
export const firstDayAfterMonth = (month: string): string => `${addDays(`${month}-28`, 7).slice(0, 7)}-01`

// ---------------------------------------------------------------------------------------------------------------
// Levels

/**
 * The highest level whose threshold the growth has reached. Spending points never lowers growth; only a refunded
 * order takes back the growth it gave, and the level follows.
 */
export const levelForGrowth = (growth: number, levels: readonly LevelDefinition[]): LevelDefinition => {
  const reached = [...levels].sort((a, b) => a.minGrowth - b.minGrowth).filter((level) => level.minGrowth <= growth)
  const level = reached[reached.length - 1] ?? levels[0]
  if (!level) throw new Error('The config has no levels')
  return level
}

export const levelCodeForGrowth = (growth: number, levels: readonly LevelDefinition[]): LevelCode =>
  levelForGrowth(growth, levels).code

export const levelRank = (code: LevelCode): number => Number(code.slice(1))

/** A level reached above the one acknowledged (a level regained after a refund is not celebrated twice). */
export const uncelebratedLevel = (current: LevelCode, celebrated: LevelCode): LevelCode | null =>
  levelRank(current) > levelRank(celebrated) ? current : null

// ---------------------------------------------------------------------------------------------------------------
// Birthday gift

/**
 * Decided in this order: no_birthday, claimed (this business year), not_eligible (the level lacks the
 * `birthday_gift` benefit), not_this_month, available.
 */
export const birthdayGiftStatus = ({
  birthday,
  giftYear,
  level,
  today,
}: {
  birthday: string | null
  giftYear: number | null
  level: LevelDefinition
  today: string
}): BirthdayGift['status'] => {
  if (birthday === null) return 'no_birthday'
  if (giftYear === Number(today.slice(0, 4))) return 'claimed'
  if (!level.benefits.some((benefit) => benefit.code === 'birthday_gift')) return 'not_eligible'
  if (birthday.slice(5, 7) !== today.slice(5, 7)) return 'not_this_month'
  return 'available'
}

// ---------------------------------------------------------------------------------------------------------------
// Tasks: progress as the server saw it (domain-rules.md, Tasks), never what the client says, except for the one
// act it cannot see (browsing the hot list), which is self-reported and capped by the task's period.

/** A task of the catalogue (the seed's list); the reward is null when the action pays itself (check-in, post, comment). */
export type TaskDefinition = {
  id: string
  kind: TaskKind
  action: TaskAction
  title: string
  description: string
  target: number
  /** Only acts the server cannot see (browsing the hot list) are reported by the app. */
  isSelfReported: boolean
  /** Paid by a `task` ledger entry once per period. */
  reward: { points: number; growth: number } | null
}

/** What the server saw a member do, as the business day of each event. */
export type TaskFacts = {
  /** Check-ins on their own day (make-ups are not a check-in done that day). */
  checkinDays: readonly string[]
  /** Published posts. */
  postDays: readonly string[]
  /**
   * The days a post earned the posting points (the ledger's 'post' entries): the daily posting task's reward is that
   * payment, so a day it was paid stays done, whatever happened to the post since (see eventDays). Daily tasks read
   * today's only.
   */
  paidPostDays: readonly string[]
  /**
   * Comments written, paid or not (over the daily cap a comment earns nothing but is still one the task asked for):
   * see commentDaysOf.
   */
  commentDays: readonly string[]
  /** Redemptions that were not cancelled. */
  redemptionDays: readonly string[]
  /** Members bound to this one through their referral. */
  inviteDays: readonly string[]
  /** Nickname chosen, birthday set: 0..2. */
  profileSteps: number
  /** Self-reports and payments already made, per task and period. */
  completions: readonly { taskId: string; period: string }[]
}

export type TaskRule = { id: string; kind: TaskKind; action: TaskAction; target: number; isSelfReported: boolean }

/** A daily task starts over each business day; a one-time task has a single period. */
export const taskPeriod = (kind: TaskKind, today: string): string => (kind === 'daily' ? today : 'once')

const eventDays = (task: TaskRule, facts: TaskFacts): readonly string[] => {
  switch (task.action) {
    case 'checkin':
      return facts.checkinDays
    case 'post':
      // The daily task is paid by the post's own points: once they are paid the task is done for the day (posting
      // again pays nothing under the daily cap), even if the operator removes the post. A one-time task pays its own
      // reward, so a removed post, paid its points or not, never counts toward it until that reward is paid.
      return task.kind === 'daily' ? commentDaysOf(facts.postDays, facts.paidPostDays) : facts.postDays
    case 'comment':
      return facts.commentDays
    case 'redeem':
      return facts.redemptionDays
    case 'invite':
      return facts.inviteDays
    case 'browse_hot':
    case 'profile':
      return []
  }
}

/**
 * The days of the member's comments, one per comment: those still standing, paid or not, with the ledger's paid
 * ones as a floor (a paid comment deleted since, or taken with its post, was still written). Per day the larger of
 * the two counts: the paid ones are among the written ones while they stand. The daily posting task takes the same
 * floor (eventDays).
 */
export const commentDaysOf = (written: readonly string[], paid: readonly string[]): string[] => {
  const countsOf = (days: readonly string[]) =>
    days.reduce((counts, day) => counts.set(day, (counts.get(day) ?? 0) + 1), new Map<string, number>())
  const writtenCounts = countsOf(written)
  const paidCounts = countsOf(paid)
  return [...new Set([...written, ...paid])]
    .sort()
    .flatMap((day) => Array<string>(Math.max(writtenCounts.get(day) ?? 0, paidCounts.get(day) ?? 0)).fill(day))
}

/**
 * The part of the program a task's action belongs to: with that part switched off (config `features`), nobody can do
 * the action, so the task is neither offered nor paid. Check-in and the profile belong to every program.
 */
export const TASK_FEATURE: Partial<Record<TaskAction, FeatureName>> = {
  post: 'community',
  comment: 'community',
  browse_hot: 'community',
  redeem: 'mall',
  invite: 'distribution',
}

export const featureOfTask = (task: { action: TaskAction }): FeatureName | undefined => TASK_FEATURE[task.action]

export const isTaskOffered = (task: { action: TaskAction }, features: Record<FeatureName, boolean>): boolean => {
  const feature = featureOfTask(task)
  return feature === undefined || features[feature]
}

export const isCompleted = (task: TaskRule, facts: TaskFacts, today: string): boolean => {
  const period = taskPeriod(task.kind, today)
  return facts.completions.some((completion) => completion.taskId === task.id && completion.period === period)
}

/** Progress toward the target in the task's period, capped at the target; a paid task stays done. */
export const taskProgress = (task: TaskRule, facts: TaskFacts, today: string): number => {
  if (isCompleted(task, facts, today)) return task.target
  if (task.isSelfReported) return 0
  const seen =
    task.action === 'profile'
      ? facts.profileSteps
      : eventDays(task, facts).filter((day) => task.kind === 'once' || day === today).length
  return Math.min(seen, task.target)
}
