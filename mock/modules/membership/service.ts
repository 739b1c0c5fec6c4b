import type {
  BirthdayGift,
  CheckinCalendar,
  CheckinResult,
  LedgerEntryType,
  LevelCode,
  LevelOverview,
  MakeupResult,
  Task,
  TaskAction,
  TaskCompleted,
} from '../../../src/contract/all'
import { ApiError, invalid, notFound } from '../../platform/errors'
import type { Ctx } from '../../platform/http'
import { newId } from '../../platform/ids'
import { addDays, businessDay, instantOfDay } from '../../platform/time'
import type { MemberRow } from '../account/service'
import { addGrowth, lockMemberRow, memberById, updateMemberFields } from '../account/service'
import { publishedPostDays, writtenCommentDays } from '../community/service'
import { inviteDays } from '../distribution/service'
import { PLAN_BONUS_ENTRY, planCheckinMultiplier, planInForce } from '../plans/service'
import { standingRedemptionDays } from '../mall/service'
import { addEntry, balanceOf, dailyMaximum, earnedDays } from '../points/service'
import * as data from './data'
import type { CheckinDay, CheckinRow } from './data'
import type { TaskDefinition, TaskFacts } from './rules'
import {
  birthdayGiftStatus,
  checkinPoints,
  commentDaysOf,
  currentStreak,
  daysJoinedAfter,
  daysOfMonth,
  featureOfTask,
  firstDayAfterMonth,
  isCompleted,
  isTaskOffered,
  levelCodeForGrowth,
  levelForGrowth,
  levelRank,
  makeupRefusal,
  multiplierThatPaid,
  restoredPoints,
  rewardsAhead,
  streakEndingOn,
  taskPeriod,
  taskProgress,
  uncelebratedLevel,
} from './rules'

export { levelCodeForGrowth, levelForGrowth, levelRank } from './rules'
export type { TaskDefinition } from './rules'

// Check-in, make-up and the calendar, the task center, levels and the birthday gift (domain-rules.md). The day is
// always the server's business day: nothing the client sends decides it. Writes run under the member's row lock
// (the http frame takes it for every write), and the unique keys of checkins and task_completions keep "once per
// day / per period" even where that lock is not held.

const todayOf = (ctx: Ctx): string => businessDay(ctx.nowMs, ctx.config.timeZone)

const joinedOn = (ctx: Ctx, member: MemberRow): string => businessDay(member.createdAt.getTime(), ctx.config.timeZone)

const multiplierOf = (ctx: Ctx, growth: number): number =>
  levelForGrowth(growth, ctx.config.levels).checkinMultiplierPercent

/** The level's check-in multiplier times that of a membership plan in force (both in percent). */
const checkinMultiplierOf = async (ctx: Ctx, member: MemberRow): Promise<number> =>
  Math.round((multiplierOf(ctx, member.growth) * (await planCheckinMultiplier(ctx, member.id))) / 100)

const daysOf = (rows: readonly CheckinDay[]): Set<string> => new Set(rows.map((row) => row.date))

const makeupsIn = (rows: readonly CheckinDay[], month: string): number =>
  rows.filter((row) => row.isMakeup && row.date.startsWith(month)).length

/**
 * The member's check-ins from the start of this month (of yesterday's month on the 1st) on, and further back as
 * far as the current streak goes (or the run ending on `through`, a day of this month): a streak is read back
 * window by window until its gap, never by loading the whole history, and is right however long it is.
 */
const recentCheckins = async (ctx: Ctx, memberId: string, today: string, through?: string): Promise<CheckinRow[]> => {
  let from = `${addDays(today, -1).slice(0, 7)}-01`
  let rows = await data.checkinDaysBetween(ctx.sql, memberId, from, null)
  for (let span = 32; ; span *= 2) {
    const checked = daysOf(rows)
    const anchor = through ?? (checked.has(today) ? today : addDays(today, -1))
    const streak = streakEndingOn(checked, anchor)
    // The run starts after the first day read: the day before it was read and is a gap, so the streak is whole.
    if (streak === 0 || addDays(anchor, -(streak - 1)) > from) return rows
    const earlier = addDays(from, -span)
    rows = [...(await data.checkinDaysBetween(ctx.sql, memberId, earlier, from)), ...rows]
    from = earlier
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Check-in

/** The member's current check-in streak (up to today, or yesterday when today is not checked in yet). */
export const currentStreakOf = async (ctx: Ctx, memberId: string): Promise<number> => {
  const today = todayOf(ctx)
  return currentStreak(daysOf(await recentCheckins(ctx, memberId, today)), today)
}

/** The member's check-in days in [from, to), oldest first: the community's challenge reads its days from them. */
export const checkinDaysBetween = (ctx: Ctx, memberId: string, from: string, to: string): Promise<CheckinDay[]> =>
  data.checkinDaysBetween(ctx.sql, memberId, from, to)

export const checkIn = async (ctx: Ctx, member: MemberRow): Promise<CheckinResult> => {
  const rules = ctx.config.checkin
  const today = todayOf(ctx)
  // The unique key (member, date) decides, whatever arrives at once: no row means today is already checked in.
  const checkinId = await data.insertCheckin(ctx.sql, {
    id: await newId(ctx.sql, 'ci'),
    memberId: member.id,
    date: today,
    isMakeup: false,
    createdAt: ctx.nowMs,
  })
  if (checkinId === null)
    throw new ApiError('ALREADY_CHECKED_IN', 'You have already checked in today.', { date: today })

  const checked = daysOf(await recentCheckins(ctx, member.id, today))
  const streak = streakEndingOn(checked, today)
  // Priced at the level the member had when they checked in; the growth it brings counts from tomorrow.
  // The level's multiplier times that of a plan in force (both in percent). What the plan adds is its own entry,
  // booked against the plan's order, so that a refund of the plan can take it back.
  const levelPercent = multiplierOf(ctx, member.growth)
  const plan = await planInForce(ctx, member.id)
  const basePoints = checkinPoints(streak, rules, levelPercent)
  const points = checkinPoints(
    streak,
    rules,
    Math.round((levelPercent * (plan?.checkinMultiplierPercent ?? 100)) / 100),
  )
  await addEntry(ctx, member.id, {
    delta: basePoints,
    type: 'checkin',
    reason: `每日签到 第 ${streak} 天`,
    refId: checkinId,
  })
  if (plan && points > basePoints)
    await addEntry(ctx, member.id, {
      delta: points - basePoints,
      type: PLAN_BONUS_ENTRY,
      reason: `付费会员签到加成 第 ${streak} 天`,
      refId: plan.orderId,
    })
  await addGrowth(ctx, member.id, rules.growthPerCheckin)
  await settleTasks(ctx, member.id)

  const growth = (await memberById(ctx, member.id))?.growth ?? member.growth + rules.growthPerCheckin
  const level = levelForGrowth(growth, ctx.config.levels)
  const planPercent = await planCheckinMultiplier(ctx, member.id)
  const [tomorrow] = rewardsAhead(
    checked,
    today,
    rules,
    Math.round((level.checkinMultiplierPercent * planPercent) / 100),
    1,
  )
  if (!tomorrow) throw new Error('rewardsAhead answered nothing')
  return {
    date: today,
    streak,
    pointsAwarded: points,
    growthAwarded: rules.growthPerCheckin,
    pointsBalance: await balanceOf(ctx, member.id),
    growth,
    levelCode: level.code,
    tomorrow,
  }
}

/** The ledger type of what a make-up pays back on a check-in it lengthens the streak of (one entry per check-in). */
export const STREAK_RESTORED_ENTRY: LedgerEntryType = 'checkin_streak_restored'

/** Ids come from one sequence: the number tells which of two rows of the same instant was made first. */
const idNumber = (id: string): number => Number(id.slice(id.lastIndexOf('-') + 1))

const madeBy = (row: CheckinRow, other: CheckinRow): boolean =>
  row.createdAt.getTime() < other.createdAt.getTime() ||
  (row.createdAt.getTime() === other.createdAt.getTime() && idNumber(row.id) <= idNumber(other.id))

/**
 * After a make-up of `repaired`: the check-ins already made on the days right after it now sit on a longer streak.
 * Each is due what its day of the restored streak pays by the ladder, at the multiplier it was paid at (its level
 * then, read back from its own entry, times the plan in force when it was made); what the run is owed beyond what it
 * was paid (restoredPoints) is added as one entry per check-in, referencing it. No growth: the ladder pays points
 * only (growth is the same on every day). Answers the points paid back.
 */
const payRestoredStreak = async (
  ctx: Ctx,
  member: MemberRow,
  rows: readonly CheckinRow[],
  repaired: string,
): Promise<number> => {
  const rules = ctx.config.checkin
  const checked = daysOf(rows)
  const byDate = new Map(rows.map((row) => [row.date, row]))
  const joined = daysJoinedAfter(checked, repaired).flatMap((day) => {
    const row = byDate.get(day)
    // A made-up day was paid nothing and is owed nothing: a make-up repairs, it does not pay.
    return row && !row.isMakeup ? [row] : []
  })
  if (joined.length === 0) return 0
  const payments = await data.checkinPayments(ctx.sql, member.id, joined, {
    refTypes: ['checkin', STREAK_RESTORED_ENTRY],
    sameInstantType: PLAN_BONUS_ENTRY,
  })
  const levelNow = multiplierOf(ctx, member.growth)
  const percents = ctx.config.levels.map((level) => level.checkinMultiplierPercent)
  const owed = []
  for (const row of joined) {
    const paidFor = payments.filter((payment) => payment.checkinId === row.id)
    const own = paidFor.find((payment) => payment.type === 'checkin')?.delta
    const streakThen = streakEndingOn(daysOf(rows.filter((other) => madeBy(other, row))), row.date)
    const levelPercent =
      (own === undefined ? null : multiplierThatPaid(own, streakThen, rules, percents, levelNow)) ?? levelNow
    const plan = await planInForce({ ...ctx, nowMs: row.createdAt.getTime() }, member.id)
    const streak = streakEndingOn(checked, row.date)
    owed.push({
      row,
      streak,
      due: checkinPoints(streak, rules, Math.round((levelPercent * (plan?.checkinMultiplierPercent ?? 100)) / 100)),
      paid: paidFor.reduce((sum, payment) => sum + payment.delta, 0),
    })
  }
  const amounts = restoredPoints(owed)
  let total = 0
  for (const [index, { row, streak }] of owed.entries()) {
    const delta = amounts[index] ?? 0
    if (delta === 0) continue
    await addEntry(ctx, member.id, {
      delta,
      type: STREAK_RESTORED_ENTRY,
      reason: `补签后连签奖励补发 ${row.date.slice(5)} 第 ${streak} 天`,
      refId: row.id,
    })
    total += delta
  }
  return total
}

/**
 * A make-up (补签) repairs the streak across a missed day of this month for points. It pays no check-in points
 * and no growth for the made-up day: members buy back their streak, they do not buy points with points. Check-ins
 * already made after it that now sit on a longer streak are paid what their day of it pays, so the outcome never
 * depends on whether the member checked in first (payRestoredStreak). Refusals in this order:
 * MAKEUP_NOT_ALLOWED (details.reason), then INSUFFICIENT_POINTS (details.balance, details.required).
 */
export const makeUp = async (ctx: Ctx, member: MemberRow, date: string): Promise<MakeupResult> => {
  const { perMonth, costPoints } = ctx.config.checkin.makeup
  const today = todayOf(ctx)
  const recent = await recentCheckins(ctx, member.id, today)
  const used = makeupsIn(recent, today.slice(0, 7))
  const refuse = (reason: string) => new ApiError('MAKEUP_NOT_ALLOWED', 'This day cannot be made up.', { reason, date })
  const reason = makeupRefusal(date, {
    today,
    joinedOn: joinedOn(ctx, member),
    checked: daysOf(recent),
    makeupsUsedThisMonth: used,
    perMonth,
  })
  if (reason !== null) throw refuse(reason)
  const balance = await balanceOf(ctx, member.id)
  if (balance < costPoints)
    throw new ApiError('INSUFFICIENT_POINTS', 'Not enough points for a make-up.', { balance, required: costPoints })

  const checkinId = await data.insertCheckin(ctx.sql, {
    id: await newId(ctx.sql, 'ci'),
    memberId: member.id,
    date,
    isMakeup: true,
    createdAt: ctx.nowMs,
  })
  if (checkinId === null) throw refuse('already_checked_in')
  await addEntry(ctx, member.id, {
    delta: -costPoints,
    type: 'makeup',
    reason: `补签 ${date.slice(5)}`,
    refId: checkinId,
  })
  // Read again, the run through the repaired day whole: it may join the streak to an older run.
  const rows = await recentCheckins(ctx, member.id, today, date)
  const pointsRestored = await payRestoredStreak(ctx, member, rows, date)
  return {
    date,
    streak: currentStreak(daysOf(rows), today),
    pointsSpent: costPoints,
    pointsRestored,
    pointsBalance: await balanceOf(ctx, member.id),
    makeupsLeft: Math.max(0, perMonth - used - 1),
  }
}

export const calendarOf = async (ctx: Ctx, member: MemberRow, month?: string): Promise<CheckinCalendar> => {
  const rules = ctx.config.checkin
  const today = todayOf(ctx)
  const thisMonth = today.slice(0, 7)
  const shown = month ?? thisMonth
  const recent = await recentCheckins(ctx, member.id, today)
  const inMonth =
    shown === thisMonth
      ? recent.filter((row) => row.date.startsWith(shown))
      : await data.checkinDaysBetween(ctx.sql, member.id, `${shown}-01`, firstDayAfterMonth(shown))
  const monthChecked = daysOf(inMonth)
  const checked = daysOf(recent)
  const joined = joinedOn(ctx, member)
  const days = daysOfMonth(shown)
  return {
    month: shown,
    today,
    checkedDates: days.filter((day) => monthChecked.has(day)),
    madeUpDates: inMonth
      .filter((row) => row.isMakeup)
      .map((row) => row.date)
      .sort(),
    missedDates: days.filter((day) => day < today && day >= joined && !monthChecked.has(day)),
    streak: currentStreak(checked, today),
    checkedInToday: checked.has(today),
    makeupsLeft: Math.max(0, rules.makeup.perMonth - makeupsIn(recent, thisMonth)),
    makeupCostPoints: rules.makeup.costPoints,
    ladder: rewardsAhead(checked, today, rules, await checkinMultiplierOf(ctx, member), rules.cycleDays),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tasks (domain-rules.md, Tasks). Progress is computed from what the server saw; a task with a reward pays it
// once per period the moment the server sees it done: settleTasks runs after every action a task watches
// (check-in, profile change, a friend bound through the referral) and when the list is read.

/** The seed's task catalogue, in display order. */
export const defineTasks = async (ctx: Ctx, tasks: readonly TaskDefinition[]): Promise<void> =>
  data.insertTaskDefinitions(ctx.sql, tasks)

/** The catalogue's tasks whose part of the program is switched on (the config in force, read per request). */
const tasksInForce = async (ctx: Ctx): Promise<TaskDefinition[]> =>
  (await data.taskDefinitions(ctx.sql)).filter((task) => isTaskOffered(task, ctx.config.features))

type Completions = TaskFacts['completions']

const NO_FACTS: TaskFacts = {
  checkinDays: [],
  postDays: [],
  paidPostDays: [],
  commentDays: [],
  redemptionDays: [],
  inviteDays: [],
  profileSteps: 0,
  completions: [],
}

const isDoneIn = (task: TaskDefinition, completions: Completions, today: string): boolean =>
  isCompleted(task, { ...NO_FACTS, completions }, today)

/**
 * What the server saw, read only for the actions of `tasks` (the open ones: a completed task needs no facts).
 * Daily tasks look at today only; a one-time task at the whole history.
 */
const factsOf = async (
  ctx: Ctx,
  member: MemberRow,
  tasks: readonly TaskDefinition[],
  today: string,
  completions: Completions,
): Promise<TaskFacts> => {
  const watching = (action: TaskAction) => tasks.filter((task) => task.action === action && !task.isSelfReported)
  const daysFor = async (action: TaskAction, read: () => Promise<string[]>): Promise<string[]> =>
    watching(action).length === 0 ? [] : read()
  const onceTarget = (action: TaskAction): number =>
    Math.max(0, ...watching(action).map((task) => (task.kind === 'once' ? task.target : 0)))
  return {
    checkinDays: await daysFor('checkin', () => data.ownDayCheckins(ctx.sql, member.id, today, onceTarget('checkin'))),
    postDays: await daysFor('post', () => publishedPostDays(ctx, member.id)),
    paidPostDays: watching('post').some((task) => task.kind === 'daily')
      ? await earnedDays(ctx, member.id, 'post', instantOfDay(today, ctx.config.timeZone))
      : [],
    commentDays: await daysFor('comment', async () => {
      const since = onceTarget('comment') > 0 ? undefined : instantOfDay(today, ctx.config.timeZone)
      return commentDaysOf(
        await writtenCommentDays(ctx, member.id, since),
        await earnedDays(ctx, member.id, 'comment', since),
      )
    }),
    // A cancelled redemption is not one: the first-redemption task waits for one that stands.
    redemptionDays: await daysFor('redeem', () => standingRedemptionDays(ctx, member.id)),
    inviteDays: await daysFor('invite', () => inviteDays(ctx, member.id)),
    profileSteps: (member.nicknameSetByMember ? 1 : 0) + (member.birthday !== null ? 1 : 0),
    completions,
  }
}

/** Records the task done for its period and pays it; null when the period already has its completion. */
const payTask = async (
  ctx: Ctx,
  memberId: string,
  task: TaskDefinition,
  today: string,
  pay: boolean,
): Promise<number | null> => {
  const completionId = await data.insertCompletion(ctx.sql, {
    id: await newId(ctx.sql, 'tc'),
    memberId,
    taskId: task.id,
    period: taskPeriod(task.kind, today),
    createdAt: ctx.nowMs,
  })
  if (completionId === null) return null
  if (!pay || !task.reward) return 0
  await addEntry(ctx, memberId, {
    delta: task.reward.points,
    type: 'task',
    reason: `任务奖励：${task.title}`,
    refId: completionId,
  })
  await addGrowth(ctx, memberId, task.reward.growth)
  return task.reward.points
}

/**
 * Pays every rewarded, non-self-reported task the server now sees done and has not paid for this period. The
 * seed passes `pay: false` to record what its personas did before "now" without paying for it again.
 */
export const settleTasks = async (
  ctx: Ctx,
  memberId: string,
  { pay = true }: { pay?: boolean } = {},
): Promise<void> => {
  const today = todayOf(ctx)
  const tasks = await tasksInForce(ctx)
  const completions = await data.currentCompletions(ctx.sql, memberId, today)
  const open = tasks.filter((task) => task.reward && !task.isSelfReported && !isDoneIn(task, completions, today))
  if (open.length === 0) return
  const member = await memberById(ctx, memberId)
  if (!member) throw new Error(`No member ${memberId}`)
  const facts = await factsOf(ctx, member, open, today, completions)
  const due = open.filter((task) => taskProgress(task, facts, today) >= task.target)
  if (due.length === 0) return
  // Another member's request may be what settles (a friend signing up through the referral): pay under this
  // member's lock like any write to their points; the unique key (member, task, period) keeps it to one payment.
  await lockMemberRow(ctx, memberId)
  for (const task of due) await payTask(ctx, memberId, task, today, pay)
}

/**
 * What checking in today pays, or paid if done: the check-in's own ledger entry is its reward, with a plan's bonus
 * written with it (booked against the plan's order) and what a make-up paid back on it since, so the task shows
 * after the check-in what it promised before.
 */
const todaysCheckinReward = async (ctx: Ctx, member: MemberRow, today: string): Promise<number> => {
  const done = await data.checkinOn(ctx.sql, member.id, today)
  if (done && !done.isMakeup)
    return (
      await data.checkinPayments(ctx.sql, member.id, [done], {
        refTypes: ['checkin', STREAK_RESTORED_ENTRY],
        sameInstantType: PLAN_BONUS_ENTRY,
      })
    ).reduce((sum, payment) => sum + payment.delta, 0)
  const checked = daysOf(await recentCheckins(ctx, member.id, today))
  return rewardsAhead(checked, today, ctx.config.checkin, await checkinMultiplierOf(ctx, member), 1)[0]?.points ?? 0
}

/** Tasks whose action pays itself show what the action pays: today's check-in, or the source's daily cap. */
const rewardOf = async (
  ctx: Ctx,
  member: MemberRow,
  task: TaskDefinition,
  today: string,
): Promise<{ points: number; growth: number }> => {
  if (task.reward) return task.reward
  if (task.action === 'checkin')
    return { points: await todaysCheckinReward(ctx, member, today), growth: ctx.config.checkin.growthPerCheckin }
  return { points: dailyMaximum(ctx, task.action), growth: 0 }
}

const toTask = async (
  ctx: Ctx,
  member: MemberRow,
  task: TaskDefinition,
  facts: TaskFacts,
  today: string,
): Promise<Task> => {
  const progress = taskProgress(task, facts, today)
  const reward = await rewardOf(ctx, member, task, today)
  return {
    id: task.id,
    kind: task.kind,
    title: task.title,
    description: task.description,
    rewardPoints: reward.points,
    rewardGrowth: reward.growth,
    progress,
    target: task.target,
    isDone: progress >= task.target,
    isSelfReported: task.isSelfReported,
    action: task.action,
  }
}

/** The tasks with progress as the server saw it, daily first; whatever is due is paid first. */
const listTasks = async (ctx: Ctx, memberId: string, only?: TaskDefinition): Promise<Task[]> => {
  const today = todayOf(ctx)
  const member = await memberById(ctx, memberId)
  if (!member) throw new Error(`No member ${memberId}`)
  const tasks = only ? [only] : await tasksInForce(ctx)
  const completions = await data.currentCompletions(ctx.sql, memberId, today)
  const open = tasks.filter((task) => !isDoneIn(task, completions, today))
  const facts = await factsOf(ctx, member, open, today, completions)
  const ordered = [...tasks.filter((task) => task.kind === 'daily'), ...tasks.filter((task) => task.kind === 'once')]
  const items: Task[] = []
  for (const task of ordered) items.push(await toTask(ctx, member, task, facts, today))
  return items
}

export const tasksOf = async (ctx: Ctx, member: MemberRow): Promise<Task[]> => {
  await settleTasks(ctx, member.id)
  return listTasks(ctx, member.id)
}

/** The app reports a task only the app can see (browsing the hot list); once per period, never twice. */
export const completeTask = async (ctx: Ctx, member: MemberRow, taskId: string): Promise<TaskCompleted> => {
  const task = (await data.taskDefinitions(ctx.sql)).find((candidate) => candidate.id === taskId)
  if (!task) throw notFound('The task')
  const feature = featureOfTask(task)
  if (!isTaskOffered(task, ctx.config.features))
    throw new ApiError('FEATURE_OFF', `This task belongs to a part of the program that is switched off: ${feature}.`, {
      feature,
    })
  const today = todayOf(ctx)
  if (!task.isSelfReported)
    throw new ApiError('TASK_NOT_COMPLETABLE', 'The server decides when this task is done.', {
      reason: 'not_self_reported',
    })
  const alreadyDone = () =>
    new ApiError(
      'TASK_NOT_COMPLETABLE',
      task.kind === 'daily' ? 'This task is already done today.' : 'This task is already done.',
      { reason: 'already_done' },
    )
  if (isDoneIn(task, await data.currentCompletions(ctx.sql, member.id, today), today)) throw alreadyDone()
  // The unique key (member, task, period) refuses a second completion, whatever arrives at once.
  const pointsAwarded = await payTask(ctx, member.id, task, today, true)
  if (pointsAwarded === null) throw alreadyDone()
  const [shown] = await listTasks(ctx, member.id, task)
  if (!shown) throw new Error('The completed task was not listed')
  return { task: shown, pointsAwarded, pointsBalance: await balanceOf(ctx, member.id) }
}

// ---------------------------------------------------------------------------------------------------------------
// Levels and the birthday gift

export const levelOverview = async (ctx: Ctx, member: MemberRow): Promise<LevelOverview> => {
  const levelCode = levelCodeForGrowth(member.growth, ctx.config.levels)
  return {
    levelCode,
    growth: member.growth,
    levels: structuredClone(ctx.config.levels),
    uncelebratedLevel: uncelebratedLevel(levelCode, member.celebratedLevel as LevelCode),
  }
}

/** The member has seen the celebration of a level they reached; a lower one than already seen changes nothing. */
export const celebrateLevel = async (ctx: Ctx, member: MemberRow, levelCode: LevelCode): Promise<LevelOverview> => {
  const current = levelCodeForGrowth(member.growth, ctx.config.levels)
  if (levelRank(levelCode) > levelRank(current))
    throw invalid({ levelCode: `a level the member has reached (now ${current})` })
  const seen =
    levelRank(levelCode) > levelRank(member.celebratedLevel as LevelCode)
      ? await updateMemberFields(ctx, member.id, { celebratedLevel: levelCode })
      : member
  return levelOverview(ctx, seen)
}

const birthdayGiftFor = (ctx: Ctx, member: MemberRow): BirthdayGift => {
  const today = todayOf(ctx)
  const status = birthdayGiftStatus({
    birthday: member.birthday,
    giftYear: member.birthdayGiftYear,
    level: levelForGrowth(member.growth, ctx.config.levels),
    today,
  })
  return { status, birthday: member.birthday, points: ctx.config.birthdayGiftPoints, year: Number(today.slice(0, 4)) }
}

export const birthdayGiftOf = async (ctx: Ctx, member: MemberRow): Promise<BirthdayGift> => birthdayGiftFor(ctx, member)

/** Once per business year in the birthday month (the member's row lock holds "not claimed yet" until it is). */
export const claimBirthdayGift = async (ctx: Ctx, member: MemberRow): Promise<BirthdayGift> => {
  const gift = birthdayGiftFor(ctx, member)
  if (gift.status !== 'available')
    throw new ApiError('BIRTHDAY_GIFT_UNAVAILABLE', 'The birthday gift cannot be claimed now.', {
      status: gift.status,
    })
  await addEntry(ctx, member.id, { delta: gift.points, type: 'birthday', reason: `${gift.year} 年生日礼`, refId: null })
  return birthdayGiftFor(ctx, await updateMemberFields(ctx, member.id, { birthdayGiftYear: gift.year }))
}
