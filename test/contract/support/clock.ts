import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Clock } from '../../../mock/preview/endpoints'
import type { ApiClient } from './client'
import { expectShape, hasMockRoutes } from './client'

/**
 * The mock clock is one per server. In-process every test file has its own server; over HTTP jest runs the
 * files in parallel workers against one server, so a file that moves the clock, or needs "today" to stay today
 * while it works (check-ins, personas), holds this lock for its whole run: such files take turns, and each
 * puts the clock back where it found it. Files that never look at the day need no lock.
 */
export const lockMockClock = (api: ApiClient): void => {
  if (api.isInProcess || !hasMockRoutes) return
  const lockDir = path.join(
    os.tmpdir(),
    `fanloop-clock-${createHash('sha256').update(api.baseUrl).digest('hex').slice(0, 12)}.lock`,
  )
  let offsetMs = 0

  beforeAll(async () => {
    await acquire(lockDir)
    offsetMs = Date.parse((await readClock(api)).now) - Date.now()
    // The clock answers whole seconds: an offset that is only that rounding is the real time, restored exactly.
    if (Math.abs(offsetMs) < 2000) offsetMs = 0
  }, LOCK_WAIT_MS + 10_000)

  afterAll(async () => {
    try {
      await setClock(api, new Date(Date.now() + offsetMs).toISOString())
    } finally {
      fs.rmSync(lockDir, { recursive: true, force: true })
    }
  })
}

const LOCK_WAIT_MS = 5 * 60_000
const OWNER_FILE = 'owner'

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The holder's pid; null while it is being written (or if its holder died before writing it). */
const readOwner = (lockDir: string): number | null => {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir, OWNER_FILE), 'utf8'))
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** mkdir is atomic: whoever creates the directory holds the lock. A lock whose process is gone is taken over. */
const acquire = async (lockDir: string): Promise<void> => {
  const deadline = Date.now() + LOCK_WAIT_MS
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      fs.writeFileSync(path.join(lockDir, OWNER_FILE), String(process.pid))
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = readOwner(lockDir)
    const ageMs = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
    const isStale = owner === null ? ageMs > 10_000 : !isAlive(owner)
    // Look again right before taking it over, so a lock just re-taken by a live worker is left alone.
    if (isStale && readOwner(lockDir) === owner) fs.rmSync(lockDir, { recursive: true, force: true })
    if (Date.now() > deadline) throw new Error(`Waited ${LOCK_WAIT_MS} ms for the mock clock lock ${lockDir}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export const readClock = async (api: ApiClient) => expectShape(Clock, (await api.request('GET', '/__mock/clock')).body)

/** Sets the mock clock to an instant, e.g. '2031-05-14T10:00:00+08:00'. */
export const setClock = async (api: ApiClient, instant: string) => {
  const response = await api.request('POST', '/__mock/clock', { body: { set: instant } })
  expect(response.status).toBe(200)
  return expectShape(Clock, response.body)
}

export const advanceClock = async (api: ApiClient, change: { advanceDays: number } | { advanceHours: number }) => {
  const response = await api.request('POST', '/__mock/clock', { body: change })
  expect(response.status).toBe(200)
  return expectShape(Clock, response.body)
}
