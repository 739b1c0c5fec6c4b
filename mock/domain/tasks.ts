import type { TaskAction, TaskKind } from '../../src/contract'

// Task progress as the server saw it (domain-rules.md, Tasks): never what the client says, except for the one
// act it cannot see (browsing the hot list), which is self-reported and capped by the task's period.

/** What the server saw a member do, as the business day of each event. */
export type TaskFacts = {
  /** Check-ins on their own day (make-ups are not a check-in done that day). */
  checkinDays: readonly string[]
  /** Published posts. */
  postDays: readonly string[]
  /** Paid comments (the ledger's `comment` entries: comments are not stored by the mock yet). */
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

const eventDays = (action: TaskAction, facts: TaskFacts): readonly string[] => {
  switch (action) {
    case 'checkin':
      return facts.checkinDays
    case 'post':
      return facts.postDays
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
      : eventDays(task.action, facts).filter((day) => task.kind === 'once' || day === today).length
  return Math.min(seen, task.target)
}
