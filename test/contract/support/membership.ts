import type { LedgerEntry } from '../../../src/contract/all'
import { CheckinCalendar, LedgerPage, Member, PointsSummary, TaskList } from '../../../src/contract/all'
import type { ApiClient, ApiResponse } from './client'
import { expectShape, newKey } from './client'

// Calls the membership tests share; each parses the answer with its contract schema.

export const checkIn = (api: ApiClient, token: string, idempotencyKey = newKey()): Promise<ApiResponse> =>
  api.request('POST', '/checkin', { token, idempotencyKey })

export const makeUp = (api: ApiClient, token: string, date: string, idempotencyKey = newKey()): Promise<ApiResponse> =>
  api.request('POST', '/checkin/makeup', { token, body: { date }, idempotencyKey })

export const calendarOf = async (api: ApiClient, token: string, month?: string) =>
  expectShape(
    CheckinCalendar,
    (await api.request('GET', `/checkin/calendar${month ? `?month=${month}` : ''}`, { token })).body,
  )

export const meOf = async (api: ApiClient, token: string) =>
  expectShape(Member, (await api.request('GET', '/me', { token })).body)

export const summaryOf = async (api: ApiClient, token: string) =>
  expectShape(PointsSummary, (await api.request('GET', '/points/summary', { token })).body)

export const tasksOf = async (api: ApiClient, token: string) =>
  expectShape(TaskList, (await api.request('GET', '/tasks', { token })).body).items

/** Every page of the ledger, in the order served (newest first). */
export const wholeLedger = async (
  api: ApiClient,
  token: string,
  { direction, limit = 50 }: { direction?: 'earned' | 'spent'; limit?: number } = {},
): Promise<LedgerEntry[]> => {
  const entries: LedgerEntry[] = []
  let cursor: string | null = null
  do {
    const query = new URLSearchParams({ limit: String(limit) })
    if (direction) query.set('direction', direction)
    if (cursor !== null) query.set('cursor', cursor)
    const page = expectShape(
      LedgerPage,
      (await api.request('GET', `/points/ledger?${query.toString()}`, { token })).body,
    )
    entries.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return entries
}

/** Needs the /__mock routes: points (negative spends) and growth for the signed-in member. */
export const grant = async (api: ApiClient, token: string, body: { points?: number; growth?: number }) => {
  const response = await api.request('POST', '/__mock/grant', { token, body, idempotencyKey: newKey() })
  expect(response.status).toBe(200)
}

/** A business day shifted by whole days (dates carry no time zone). */
export const shiftDay = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)

/**
 * A year safely after the server's clock and every member's sign-up, so a test can set the clock to any day of
 * it and know which days came before (make-ups need days after joining).
 */
export const testYear = (): number => new Date().getUTCFullYear() + 5
