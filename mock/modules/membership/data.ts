import type { Sql } from '../../platform/db'
import type { TaskDefinition } from './rules'

// The membership module's SQL: check-ins (one per member per business day, kept by the unique key), the task
// catalogue and task completions (one per member, task and period, kept by the unique key).

export type CheckinDay = { date: string; isMakeup: boolean }
/** A check-in row: ids come from one sequence, so they also tell which of two rows of one instant came first. */
export type CheckinRow = CheckinDay & { id: string; createdAt: Date }

/** Answers the new id, or null when the member already has a check-in on that day (the unique key decides). */
export const insertCheckin = async (
  sql: Sql,
  checkin: { id: string; memberId: string; date: string; isMakeup: boolean; createdAt: number },
): Promise<string | null> => {
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO checkins (id, member_id, date, is_makeup, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING id`,
    [checkin.id, checkin.memberId, checkin.date, checkin.isMakeup, new Date(checkin.createdAt)],
  )
  return row?.id ?? null
}

/** The member's check-ins on days in [from, to) (to open-ended when null), oldest first. */
export const checkinDaysBetween = async (
  sql: Sql,
  memberId: string,
  from: string,
  to: string | null,
): Promise<CheckinRow[]> =>
  sql.query<CheckinRow>(
    `SELECT id, date, is_makeup AS "isMakeup", created_at AS "createdAt" FROM checkins
     WHERE member_id = $1 AND date >= $2 AND ($3::text IS NULL OR date < $3) ORDER BY date`,
    [memberId, from, to],
  )

export const checkinOn = async (sql: Sql, memberId: string, date: string): Promise<CheckinRow | null> => {
  const [row] = await sql.query<CheckinRow>(
    `SELECT id, date, is_makeup AS "isMakeup", created_at AS "createdAt" FROM checkins
     WHERE member_id = $1 AND date = $2`,
    [memberId, date],
  )
  return row ?? null
}

/**
 * The positive ledger entries that paid check-ins (a read of the points ledger; every write goes through the points
 * service): entries of `refTypes` referencing one of them (its own entry, what a make-up paid back later), and
 * entries of `sameInstantType` written in the same instant as one (a plan's bonus, booked against the plan's order).
 * The check-ins are of one member, each of its own instant (one a day).
 */
export const checkinPayments = async (
  sql: Sql,
  memberId: string,
  checkins: readonly { id: string; createdAt: Date }[],
  { refTypes, sameInstantType = null }: { refTypes: readonly string[]; sameInstantType?: string | null },
): Promise<{ checkinId: string; type: string; delta: number }[]> => {
  if (checkins.length === 0) return []
  const since = Math.min(...checkins.map((checkin) => checkin.createdAt.getTime()))
  const types = sameInstantType === null ? refTypes : [...refTypes, sameInstantType]
  const rows = await sql.query<{ type: string; refId: string | null; createdAt: Date; delta: number }>(
    `SELECT type, ref_id AS "refId", created_at AS "createdAt", delta FROM ledger_entries
     WHERE member_id = $1 AND delta > 0 AND created_at >= $2
       AND type IN (${types.map((_, index) => `$${index + 3}`).join(', ')})`,
    [memberId, new Date(since), ...types],
  )
  return rows.flatMap((row) => {
    const checkin =
      row.type === sameInstantType
        ? checkins.find((candidate) => candidate.createdAt.getTime() === row.createdAt.getTime())
        : checkins.find((candidate) => candidate.id === row.refId)
    return checkin ? [{ checkinId: checkin.id, type: row.type, delta: row.delta }] : []
  })
}

/** Days of check-ins done on their own day (not make-ups): `day` itself, plus the first `firstN` ever. */
export const ownDayCheckins = async (sql: Sql, memberId: string, day: string, firstN: number): Promise<string[]> => {
  const rows = await sql.query<{ date: string }>(
    `(SELECT date FROM checkins WHERE member_id = $1 AND NOT is_makeup AND date = $2)
     UNION
     (SELECT date FROM checkins WHERE member_id = $1 AND NOT is_makeup ORDER BY date LIMIT $3)`,
    [memberId, day, firstN],
  )
  return rows.map((row) => row.date)
}

type TaskDefinitionRow = Omit<TaskDefinition, 'reward'> & { rewardPoints: number | null; rewardGrowth: number | null }

export const taskDefinitions = async (sql: Sql): Promise<TaskDefinition[]> => {
  const rows = await sql.query<TaskDefinitionRow>(
    `SELECT id, kind, action, title, description, target, is_self_reported AS "isSelfReported",
       reward_points AS "rewardPoints", reward_growth AS "rewardGrowth"
     FROM task_definitions ORDER BY position`,
  )
  return rows.map(({ rewardPoints, rewardGrowth, ...task }) => ({
    ...task,
    reward: rewardPoints === null ? null : { points: rewardPoints, growth: rewardGrowth ?? 0 },
  }))
}

/** Adds tasks after the ones already there, in the order given. */
export const insertTaskDefinitions = async (sql: Sql, tasks: readonly TaskDefinition[]): Promise<void> => {
  const [row] = await sql.query<{ next: number }>(
    `SELECT coalesce(max(position) + 1, 0)::int AS next FROM task_definitions`,
  )
  let position = row?.next ?? 0
  for (const task of tasks) {
    await sql.query(
      `INSERT INTO task_definitions (id, position, kind, action, title, description, target, is_self_reported,
         reward_points, reward_growth)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        task.id,
        position,
        task.kind,
        task.action,
        task.title,
        task.description,
        task.target,
        task.isSelfReported,
        task.reward?.points ?? null,
        task.reward?.growth ?? null,
      ],
    )
    position += 1
  }
}

/** The member's completions that count today: today's (daily tasks) and 'once' (one-time tasks). */
export const currentCompletions = async (
  sql: Sql,
  memberId: string,
  today: string,
): Promise<{ taskId: string; period: string }[]> =>
  sql.query<{ taskId: string; period: string }>(
    `SELECT task_id AS "taskId", period FROM task_completions WHERE member_id = $1 AND period IN ($2, 'once')`,
    [memberId, today],
  )

/** Answers the new id, or null when the task is already completed for that period (the unique key decides). */
export const insertCompletion = async (
  sql: Sql,
  completion: { id: string; memberId: string; taskId: string; period: string; createdAt: number },
): Promise<string | null> => {
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO task_completions (id, member_id, task_id, period, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING id`,
    [completion.id, completion.memberId, completion.taskId, completion.period, new Date(completion.createdAt)],
  )
  return row?.id ?? null
}
