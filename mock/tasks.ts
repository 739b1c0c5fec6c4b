import type { Task, TaskCompleted } from '../src/contract'
import { capFor } from './domain/caps'
import { rewardsAhead } from './domain/checkin'
import { levelForGrowth } from './domain/levels'
import type { TaskFacts } from './domain/tasks'
import { isCompleted, taskPeriod, taskProgress } from './domain/tasks'
import { businessDay, formatInstant } from './domain/time'
import { ApiError, notFound } from './http/errors'
import { addLedgerEntry, balanceOf, ledgerOf } from './members'
import type { MemberRecord, MockState, TaskDefinition } from './state'
import { newId } from './state'

// The task center (domain-rules.md, Tasks). Progress is computed from what the server saw; a task with a reward
// pays it once per period the moment the server sees it done: `settleTasks` runs after every action a task
// watches (check-in, profile change, a friend bound through the referral) and when the list is read.

const factsOf = (state: MockState, member: MemberRecord): TaskFacts => {
  const dayOf = (iso: string): string => businessDay(Date.parse(iso), state.config.timeZone)
  const ledger = ledgerOf(state, member.id)
  const ledgerDays = (type: string): string[] =>
    ledger.filter((entry) => entry.type === type && entry.delta > 0).map((entry) => dayOf(entry.createdAt))
  return {
    checkinDays: state.checkins
      .filter((checkin) => checkin.memberId === member.id && !checkin.isMakeup)
      .map((checkin) => checkin.date),
    postDays: state.posts
      .filter((post) => post.authorId === member.id && post.status === 'published')
      .map((post) => dayOf(post.createdAt)),
    commentDays: ledgerDays('comment'),
    // A cancelled redemption is not one: the first-redemption task waits for one that stands.
    redemptionDays: state.redemptions
      .filter((redemption) => redemption.memberId === member.id && redemption.cancelledAt === null)
      .map((redemption) => dayOf(redemption.createdAt)),
    inviteDays: state.bindings
      .filter((binding) => binding.distributorId === member.id)
      .map((binding) => dayOf(binding.boundAt)),
    profileSteps: (member.nicknameSetByMember ? 1 : 0) + (member.birthday !== null ? 1 : 0),
    completions: state.taskCompletions.filter((completion) => completion.memberId === member.id),
  }
}

/** What checking in today pays, or paid if done: the check-in's own ledger entry is its reward. */
const todaysCheckinReward = (state: MockState, member: MemberRecord, today: string): number => {
  const mine = state.checkins.filter((checkin) => checkin.memberId === member.id)
  const done = mine.find((checkin) => checkin.date === today && !checkin.isMakeup)
  if (done) return state.ledger.find((entry) => entry.type === 'checkin' && entry.refId === done.id)?.delta ?? 0
  const multiplier = levelForGrowth(member.growth, state.config.levels).checkinMultiplierPercent
  const checked = new Set(mine.map((checkin) => checkin.date))
  return rewardsAhead(checked, today, state.config.checkin, multiplier, 1)[0]?.points ?? 0
}

/** Tasks whose action pays itself show what the action pays: today's check-in, or the source's daily cap. */
const rewardOf = (state: MockState, member: MemberRecord, task: TaskDefinition, today: string) => {
  if (task.reward) return task.reward
  if (task.action === 'checkin')
    return { points: todaysCheckinReward(state, member, today), growth: state.config.checkin.growthPerCheckin }
  return { points: capFor(task.action, state.config.points.dailyCaps)?.maxPointsPerDay ?? 0, growth: 0 }
}

const toTask = (
  state: MockState,
  member: MemberRecord,
  task: TaskDefinition,
  facts: TaskFacts,
  today: string,
): Task => {
  const progress = taskProgress(task, facts, today)
  const reward = rewardOf(state, member, task, today)
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

const payTask = (
  state: MockState,
  member: MemberRecord,
  task: TaskDefinition,
  today: string,
  nowMs: number,
  pay: boolean,
) => {
  const completion = {
    id: newId(state, 'tc'),
    memberId: member.id,
    taskId: task.id,
    period: taskPeriod(task.kind, today),
    createdAt: formatInstant(nowMs, state.config.timeZone),
  }
  state.taskCompletions.push(completion)
  if (!pay || !task.reward) return 0
  addLedgerEntry(
    state,
    member.id,
    { delta: task.reward.points, type: 'task', reason: `任务奖励：${task.title}`, refId: completion.id },
    nowMs,
  )
  member.growth += task.reward.growth
  return task.reward.points
}

/**
 * Pays every rewarded task the server now sees done and has not paid for this period. The seed passes
 * `pay: false` to record what its personas did before "now" without paying for it again.
 */
export const settleTasks = (state: MockState, member: MemberRecord, nowMs: number, { pay = true } = {}): void => {
  const today = businessDay(nowMs, state.config.timeZone)
  const facts = factsOf(state, member)
  for (const task of state.tasks) {
    if (!task.reward || task.isSelfReported || isCompleted(task, facts, today)) continue
    if (taskProgress(task, facts, today) >= task.target) payTask(state, member, task, today, nowMs, pay)
  }
}

export const tasksOf = (state: MockState, member: MemberRecord, nowMs: number): Task[] => {
  settleTasks(state, member, nowMs)
  const today = businessDay(nowMs, state.config.timeZone)
  const facts = factsOf(state, member)
  const ordered = [
    ...state.tasks.filter((task) => task.kind === 'daily'),
    ...state.tasks.filter((task) => task.kind === 'once'),
  ]
  return ordered.map((task) => toTask(state, member, task, facts, today))
}

/** The app reports a task only the app can see (browsing the hot list); once per period, never twice. */
export const completeTask = (state: MockState, member: MemberRecord, taskId: string, nowMs: number): TaskCompleted => {
  const task = state.tasks.find((candidate) => candidate.id === taskId)
  if (!task) throw notFound('The task')
  const today = businessDay(nowMs, state.config.timeZone)
  if (!task.isSelfReported)
    throw new ApiError(409, 'TASK_NOT_COMPLETABLE', 'The server decides when this task is done.', {
      reason: 'not_self_reported',
    })
  if (isCompleted(task, factsOf(state, member), today))
    throw new ApiError(
      409,
      'TASK_NOT_COMPLETABLE',
      task.kind === 'daily' ? 'This task is already done today.' : 'This task is already done.',
      { reason: 'already_done' },
    )
  const pointsAwarded = payTask(state, member, task, today, nowMs, true)
  return {
    task: toTask(state, member, task, factsOf(state, member), today),
    pointsAwarded,
    pointsBalance: balanceOf(state, member.id, nowMs),
  }
}
