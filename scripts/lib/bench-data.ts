// Growth data for the API benchmark: thousands of members with ledgers, written straight into the tables with
// bulk SQL (INSERT ... SELECT generate_series), because making 100k members through the services would take
// longer than the whole benchmark may. The rows keep the invariants the server keeps itself: each member's
// stored balance = the sum of their ledger = what their open lots hold, every spend's takes add up to its points,
// and a check-in pays through a `checkin` entry that points at it.
//
// Each bench member signs in by a token the script knows (`${TOKEN_PREFIX}${n}`): its session is stored as the
// server stores one (sha256 of the token, hex), so a load run can pick from thousands of members without signing
// each one in over HTTP first.
import fs from 'node:fs'
import type { Sql } from '../../mock/platform/db'

export const TOKEN_PREFIX = 'fl_bench_'
export const ENTRIES_PER_MEMBER = 10
/** 8 earns of 100, then 2 spends of 150 that take the three lots that expire first. */
const EARN_POINTS = 100
const SPEND_POINTS = 150
/** One member in this many checked in yesterday (a streak running into today), paid 5 points for it. */
const CHECKED_IN_EVERY = 10
const CHECKIN_POINTS = 5
export const BALANCE = 8 * EARN_POINTS - 2 * SPEND_POINTS

export const memberId = (n: number): string => `mb-${n}`
export const tokenOf = (n: number): string => `${TOKEN_PREFIX}${n}`

export type FillReport = { members: number; ledgerEntries: number; milliseconds: number }

/** The business day in `timeZone` of an instant, as YYYY-MM-DD. */
export const businessDayOf = (ms: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Adds `count` members (ids mb-1 … mb-count, beside the seed's) with 10 ledger entries each (one in ten with an
 * 11th, yesterday's check-in), their lots and lot takes, and a session each. Runs inside one transaction of the
 * server's own database handle, on PGlite or PostgreSQL alike.
 */
export const fillMembers = async (
  sql: Sql,
  { count, nowMs, timeZone, levelCode }: { count: number; nowMs: number; timeZone: string; levelCode: string },
): Promise<FillReport> => {
  const started = performance.now()
  const now = new Date(nowMs).toISOString()
  const yesterday = businessDayOf(nowMs - DAY_MS, timeZone)
  const params = [count, now]
  // The rows are consistent by construction (and checked by countDrift after): the per-row foreign-key triggers,
  // a million of them at 100k members, would only repeat that check, slowly (PGlite and PostgreSQL alike).
  await sql.query(`SET LOCAL session_replication_role = replica`)
  await sql.query(
    `INSERT INTO members (id, nickname, nickname_set_by_member, celebrated_level, points_balance, created_at)
     SELECT 'mb-' || i, '会员' || i, true, $3::text, CASE WHEN i % ${CHECKED_IN_EVERY} = 0 THEN $4::int ELSE $5::int END,
            $2::timestamptz - interval '120 days'
     FROM generate_series(1, $1::int) i`,
    [...params, levelCode, BALANCE + CHECKIN_POINTS, BALANCE],
  )
  // Earned lots expire at different times (the first earned first), so the spends' takes are well defined.
  await sql.query(
    `INSERT INTO ledger_entries (id, member_id, delta, type, reason, ref_id, created_at, expires_at)
     SELECT 'ptb-' || i || '-' || k, 'mb-' || i, ${EARN_POINTS}, 'task', '任务奖励', NULL,
            $2::timestamptz - (100 - k * 5) * interval '1 day', $2::timestamptz + (300 + k * 10) * interval '1 day'
     FROM generate_series(1, $1::int) i, generate_series(1, 8) k ORDER BY i, k`,
    params,
  )
  await sql.query(
    `INSERT INTO ledger_entries (id, member_id, delta, type, reason, ref_id, created_at, expires_at)
     SELECT 'ptb-' || i || '-' || k, 'mb-' || i, -${SPEND_POINTS}, 'adjustment', '运营调整', NULL,
            $2::timestamptz - (100 - k * 5) * interval '1 day', NULL
     FROM generate_series(1, $1::int) i, generate_series(9, 10) k ORDER BY i, k`,
    params,
  )
  // Spend 9 takes 100 from lot 1 and 50 from lot 2; spend 10 the other 50 of lot 2 and 100 from lot 3.
  await sql.query(
    `INSERT INTO point_lots (entry_id, member_id, position, expires_at, remaining)
     SELECT id, member_id, position, expires_at,
            CASE WHEN split_part(id, '-', 3)::int <= 3 THEN 0 ELSE ${EARN_POINTS} END
     FROM ledger_entries WHERE id LIKE 'ptb-%' AND delta > 0`,
  )
  await sql.query(
    `INSERT INTO lot_takes (spend_entry_id, lot_entry_id, points)
     SELECT 'ptb-' || i || '-' || t.spend, 'ptb-' || i || '-' || t.lot, t.points
     FROM generate_series(1, $1::int) i,
          (VALUES (9, 1, 100), (9, 2, 50), (10, 2, 50), (10, 3, 100)) AS t (spend, lot, points)`,
    [count],
  )
  await sql.query(
    `INSERT INTO checkins (id, member_id, date, is_makeup, created_at)
     SELECT 'cib-' || i, 'mb-' || i, $3::text, false, $2::timestamptz - interval '1 day'
     FROM generate_series(${CHECKED_IN_EVERY}, $1::int, ${CHECKED_IN_EVERY}) i`,
    [...params, yesterday],
  )
  await sql.query(
    `INSERT INTO ledger_entries (id, member_id, delta, type, reason, ref_id, created_at, expires_at)
     SELECT 'ptb-' || i || '-c', 'mb-' || i, ${CHECKIN_POINTS}, 'checkin', '每日签到 第 1 天', 'cib-' || i,
            $2::timestamptz - interval '1 day', $2::timestamptz + interval '400 days'
     FROM generate_series(${CHECKED_IN_EVERY}, $1::int, ${CHECKED_IN_EVERY}) i`,
    params,
  )
  await sql.query(
    `INSERT INTO point_lots (entry_id, member_id, position, expires_at, remaining)
     SELECT id, member_id, position, expires_at, delta FROM ledger_entries WHERE id LIKE 'ptb-%-c'`,
  )
  await sql.query(
    `INSERT INTO sessions (token_hash, member_id, created_at, expires_at)
     SELECT encode(sha256(convert_to($3::text || i, 'UTF8')), 'hex'), 'mb-' || i, $2::timestamptz,
            $2::timestamptz + interval '30 days'
     FROM generate_series(1, $1::int) i`,
    [...params, TOKEN_PREFIX],
  )
  const [counted] = await sql.query<{ entries: number }>(
    `SELECT count(*)::int AS entries FROM ledger_entries WHERE id LIKE 'ptb-%'`,
  )
  return { members: count, ledgerEntries: counted?.entries ?? 0, milliseconds: performance.now() - started }
}

/** Members whose stored balance differs from their ledger or their open lots: must be none. */
export const countDrift = async (sql: Sql): Promise<number> => {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM members m
     LEFT JOIN (SELECT member_id, sum(delta) AS s FROM ledger_entries GROUP BY member_id) l ON l.member_id = m.id
     LEFT JOIN (SELECT member_id, sum(remaining) AS s FROM point_lots GROUP BY member_id) p ON p.member_id = m.id
     WHERE m.points_balance <> coalesce(l.s, 0) OR m.points_balance <> coalesce(p.s, 0)`,
  )
  return row?.n ?? 0
}

// ---------------------------------------------------------------------------------------------
// The old document store (commit 80e8c3a, mock/state.ts): one JSON file holding the whole state. Only the
// parts the fill touches are typed here; the rest of the document is kept as the old server wrote it.

type OldState = {
  nextId: number
  config: { timeZone: string; levels: { code: string }[] }
  members: unknown[]
  sessions: Record<string, unknown>
  ledger: unknown[]
  checkins: unknown[]
}

/** The same members, ledgers, check-ins and sessions, added to the old server's seeded `mock-db.json`. */
export const fillDocument = (filePath: string, { count, nowMs }: { count: number; nowMs: number }): FillReport => {
  const started = performance.now()
  const state = JSON.parse(fs.readFileSync(filePath, 'utf8')) as OldState
  const iso = (ms: number) => new Date(ms).toISOString()
  const yesterday = businessDayOf(nowMs - DAY_MS, state.config.timeZone)
  const levelCode = state.config.levels[0]?.code ?? 'V1'
  for (let i = 1; i <= count; i++) {
    const id = memberId(i)
    state.members.push({
      id,
      nickname: `会员${i}`,
      nicknameSetByMember: true,
      avatarUrl: '',
      phone: null,
      wechatOpenId: null,
      growth: 0,
      birthday: null,
      birthdayGiftYear: null,
      celebratedLevel: levelCode,
      isDistributor: false,
      referralCode: null,
      signupRef: null,
      createdAt: iso(nowMs - 120 * DAY_MS),
    })
    // The old store keeps no lots: it replays the ledger, so the entries alone carry the balance.
    for (let k = 1; k <= 10; k++)
      state.ledger.push({
        id: `ptb-${i}-${k}`,
        memberId: id,
        delta: k <= 8 ? EARN_POINTS : -SPEND_POINTS,
        type: k <= 8 ? 'task' : 'adjustment',
        reason: k <= 8 ? '任务奖励' : '运营调整',
        refId: null,
        createdAt: iso(nowMs - (100 - k * 5) * DAY_MS),
        expiresAt: k <= 8 ? iso(nowMs + (300 + k * 10) * DAY_MS) : null,
      })
    if (i % CHECKED_IN_EVERY === 0) {
      state.checkins.push({
        id: `cib-${i}`,
        memberId: id,
        date: yesterday,
        isMakeup: false,
        createdAt: iso(nowMs - DAY_MS),
      })
      state.ledger.push({
        id: `ptb-${i}-c`,
        memberId: id,
        delta: CHECKIN_POINTS,
        type: 'checkin',
        reason: '每日签到 第 1 天',
        refId: `cib-${i}`,
        createdAt: iso(nowMs - DAY_MS),
        expiresAt: iso(nowMs + 400 * DAY_MS),
      })
    }
    // The old store kept sessions by the token itself.
    state.sessions[tokenOf(i)] = { memberId: id, createdAt: iso(nowMs) }
  }
  fs.writeFileSync(filePath, JSON.stringify(state))
  const ledgerEntries = count * ENTRIES_PER_MEMBER + Math.floor(count / CHECKED_IN_EVERY)
  return { members: count, ledgerEntries, milliseconds: performance.now() - started }
}
