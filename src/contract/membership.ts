import * as v from 'valibot'
import { Id, Int, IsoDate, IsoDateTime, LevelCode, NonNegativeInt, PositiveInt, page } from './common'
import { LevelDefinition } from './config'
import { LedgerEntry } from './points'

// Check-in, points, tasks, levels and the birthday gift (domain-rules.md: Check-in, Points and
// growth, Levels and benefits, Tasks). Every date here is a business day in the brand's time
// zone, decided by the server's clock.

export const YearMonth = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-11'))

/** What checking in on a coming day gives if the streak holds (today first when not yet checked in). */
export const CheckinRewardAhead = v.object({
  date: IsoDate,
  /** Day of the streak cycle, 1..cycleDays. */
  streakDay: PositiveInt,
  points: NonNegativeInt,
  /** A ladder day of the config (e.g. day 3, day 7). */
  isBonusDay: v.boolean(),
})
export type CheckinRewardAhead = v.InferOutput<typeof CheckinRewardAhead>

export const CheckinCalendarQuery = v.object({ month: v.optional(YearMonth) })

export const CheckinCalendar = v.object({
  month: YearMonth,
  /** The server's business day, so the app never asks the device what day it is. */
  today: IsoDate,
  /** Days of `month` with a check-in, made-up days included. */
  checkedDates: v.array(IsoDate),
  /** The subset of checkedDates that were make-ups. */
  madeUpDates: v.array(IsoDate),
  /**
   * Days of `month` before today, since the member joined, without a check-in. Those of the current
   * month are what a make-up can repair (while makeupsLeft > 0).
   */
  missedDates: v.array(IsoDate),
  /** Consecutive days up to today (or yesterday when today is not checked in yet). */
  streak: NonNegativeInt,
  checkedInToday: v.boolean(),
  makeupsLeft: NonNegativeInt,
  makeupCostPoints: NonNegativeInt,
  /** The next cycleDays rewards if the member keeps checking in. */
  ladder: v.array(CheckinRewardAhead),
})
export type CheckinCalendar = v.InferOutput<typeof CheckinCalendar>

export const CheckinResult = v.object({
  date: IsoDate,
  streak: PositiveInt,
  pointsAwarded: NonNegativeInt,
  growthAwarded: NonNegativeInt,
  pointsBalance: NonNegativeInt,
  growth: NonNegativeInt,
  levelCode: LevelCode,
  tomorrow: CheckinRewardAhead,
})
export type CheckinResult = v.InferOutput<typeof CheckinResult>

export const MakeupRequest = v.object({ date: IsoDate })
export const MakeupResult = v.object({
  date: IsoDate,
  streak: NonNegativeInt,
  /** config.checkin.makeup.costPoints; 0 when an operator makes make-ups free. */
  pointsSpent: NonNegativeInt,
  /**
   * Check-in points paid back on days already checked in after the repaired one, now on a longer streak: what
   * their days of it pay by the ladder, beyond what they were paid (`checkin_streak_restored` ledger entries, one
   * per check-in), so checking in before or after a make-up ends the same. 0 when it lengthens no check-in's streak;
   * absent from a backend that does not pay it back.
   */
  pointsRestored: v.optional(NonNegativeInt),
  pointsBalance: NonNegativeInt,
  makeupsLeft: NonNegativeInt,
})
export type MakeupResult = v.InferOutput<typeof MakeupResult>

/**
 * Why a make-up was refused (409 MAKEUP_NOT_ALLOWED, `details.reason`), checked in this order. A make-up
 * repairs the streak: it pays no check-in points and no growth for the made-up day (only `pointsRestored` on
 * days already checked in after it). Too few points for its cost is 409 INSUFFICIENT_POINTS instead.
 */
export const MAKEUP_REFUSALS = [
  'today_or_future',
  'not_this_month',
  /** A day before the member registered: there was no member to check in. */
  'before_joining',
  'already_checked_in',
  'no_makeups_left',
] as const
export type MakeupRefusal = (typeof MAKEUP_REFUSALS)[number]

export const PointsSummary = v.object({
  balance: NonNegativeInt,
  /** Earned by orders but still inside the refund window. */
  pending: NonNegativeInt,
  /** The earliest pending points to become available: how many, when (`at`) and that business day (`on`). */
  nextRelease: v.nullable(v.object({ points: PositiveInt, on: IsoDate, at: IsoDateTime })),
  /**
   * Points that expire within config.points.expiringSoonDays business days (today's date plus that many days, whatever
   * the hour), and the first such day.
   */
  expiringSoon: v.nullable(v.object({ points: PositiveInt, on: IsoDate })),
  growth: NonNegativeInt,
})
export type PointsSummary = v.InferOutput<typeof PointsSummary>

export const LedgerQuery = v.object({
  direction: v.optional(v.picklist(['earned', 'spent'])),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^(?:[1-9]|[1-4]\d|50)$/, 'a whole number from 1 to 50'))),
})
export const LedgerPage = page(LedgerEntry)

export const TaskKind = v.picklist(['daily', 'once'])
export type TaskKind = v.InferOutput<typeof TaskKind>
/** Where the app sends the member to do a task. */
export const TaskAction = v.picklist(['checkin', 'post', 'comment', 'browse_hot', 'profile', 'redeem', 'invite'])
export type TaskAction = v.InferOutput<typeof TaskAction>
export const Task = v.object({
  id: Id,
  kind: TaskKind,
  title: v.string(),
  description: v.string(),
  /**
   * What doing it pays, once a day (daily) or once ever. Check-in, post and comment pay through their own
   * ledger entries (today's check-in reward; the source's daily cap), so their tasks add nothing on top;
   * every other task pays a `task` entry the moment the server sees it done (or, self-reported, on completion).
   */
  rewardPoints: NonNegativeInt,
  rewardGrowth: NonNegativeInt,
  /** Progress toward `target` today (daily) or ever (once), as the server saw it. */
  progress: NonNegativeInt,
  target: PositiveInt,
  isDone: v.boolean(),
  /** Only for acts the server cannot see itself (e.g. browsing the hot list): POST /tasks/{id}/complete. */
  isSelfReported: v.boolean(),
  action: TaskAction,
})
export type Task = v.InferOutput<typeof Task>

export const TaskList = v.object({ items: v.array(Task) })
/** Why POST /tasks/{id}/complete was refused (409 TASK_NOT_COMPLETABLE, `details.reason`); an unknown id is 404. */
export const TASK_REFUSALS = ['not_self_reported', 'already_done'] as const
export const TaskCompleted = v.object({ task: Task, pointsAwarded: NonNegativeInt, pointsBalance: NonNegativeInt })
export type TaskCompleted = v.InferOutput<typeof TaskCompleted>

export const LevelOverview = v.object({
  levelCode: LevelCode,
  growth: NonNegativeInt,
  levels: v.array(LevelDefinition),
  /** A level reached that the member has not been congratulated on yet (shown once, then acknowledged). */
  uncelebratedLevel: v.nullable(LevelCode),
})
export type LevelOverview = v.InferOutput<typeof LevelOverview>
/** A level above the member's current one is 400 VALIDATION_FAILED (fields.levelCode); a lower one changes nothing. */
export const CelebrationSeen = v.object({ levelCode: LevelCode })

/**
 * Decided in this order: no_birthday (not set yet), claimed (this business year), not_eligible (the level
 * lacks the `birthday_gift` benefit), not_this_month (not the birthday month), available. A refused claim
 * (409 BIRTHDAY_GIFT_UNAVAILABLE) carries it as `details.status`.
 */
export const BirthdayGiftStatus = v.picklist(['no_birthday', 'claimed', 'not_eligible', 'not_this_month', 'available'])
export const BirthdayGift = v.object({
  status: BirthdayGiftStatus,
  birthday: v.nullable(IsoDate),
  points: NonNegativeInt,
  /** The business year the status is about. */
  year: Int,
})
export type BirthdayGift = v.InferOutput<typeof BirthdayGift>
