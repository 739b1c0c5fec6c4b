import * as v from 'valibot'
import { ErrorBody, SignedIn } from '../../src/contract/all'
import type { ServerSettings } from '../../mock/platform/settings'
import { settingsFromEnv } from '../../mock/platform/settings'
import type { TestApp } from '../support/test-server'
import { createTestApp } from '../support/test-server'
import { randomPhone } from './support/client'

// The sign-in limits need the wall clock moved and the database read, so these run in-process on an app of their
// own whose wall clock (realNow) the test holds.
const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
const RIGHT_CODE = '123456'
const WRONG_CODE = '000000'

type Answer = { status: number; headers: Headers; body: unknown }

type Clocked = TestApp & {
  advance: (ms: number) => void
  call: (method: string, path: string, options?: { token?: string; body?: unknown }) => Promise<Answer>
}

const clockedApp = async (settings?: ServerSettings): Promise<Clocked> => {
  let now = Date.parse('2030-03-10T02:00:00Z')
  const testApp = await createTestApp({ realNow: () => now, settings })
  return {
    ...testApp,
    advance: (ms) => {
      now += ms
    },
    async call(method, path, { token, body } = {}) {
      const headers = new Headers()
      if (token) headers.set('Authorization', `Bearer ${token}`)
      if (body !== undefined) headers.set('Content-Type', 'application/json')
      const response = await testApp.app.fetch(
        new Request(`http://mock.test/api/v1${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      )
      return { status: response.status, headers: response.headers, body: (await response.json()) as unknown }
    },
  }
}

const signIn = (app: Clocked, phone: string, smsCode: string): Promise<Answer> =>
  app.call('POST', '/auth/phone', { body: { phone, smsCode } })

const errorCode = (answer: Answer): string => v.parse(ErrorBody, answer.body).error.code

const expectRateLimited = (answer: Answer): number => {
  expect(answer.status).toBe(429)
  expect(errorCode(answer)).toBe('RATE_LIMITED')
  const retryAfter = Number(answer.headers.get('retry-after'))
  expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true)
  return retryAfter
}

describe('wrong SMS codes are limited per phone', () => {
  it('locks a phone after 5 wrong codes (even the right code is then 429), not other phones, for 15 minutes', async () => {
    const app = await clockedApp()
    const phone = randomPhone()
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const refused = await signIn(app, phone, WRONG_CODE)
      expect(refused.status).toBe(400)
      expect(errorCode(refused)).toBe('SMS_CODE_INVALID')
    }
    expect(expectRateLimited(await signIn(app, phone, RIGHT_CODE))).toBe(15 * 60)
    // The lock is the phone's, not the server's.
    expect((await signIn(app, randomPhone(), RIGHT_CODE)).status).toBe(200)
    app.advance(14 * MINUTE_MS)
    expect(expectRateLimited(await signIn(app, phone, RIGHT_CODE))).toBe(60)
    app.advance(MINUTE_MS)
    expect((await signIn(app, phone, RIGHT_CODE)).status).toBe(200)
  })

  it('a right code after 4 wrong ones still signs in (the lock comes at the fifth)', async () => {
    const app = await clockedApp()
    const phone = randomPhone()
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await signIn(app, phone, WRONG_CODE)).status).toBe(400)
    expect((await signIn(app, phone, RIGHT_CODE)).status).toBe(200)
  })
})

describe('the SMS resend interval', () => {
  it('refuses a second code to one phone within 60 s with 429 and Retry-After; other phones and later are fine', async () => {
    const app = await clockedApp()
    const phone = randomPhone()
    expect((await app.call('POST', '/auth/sms', { body: { phone } })).status).toBe(200)
    app.advance(20_000)
    expect(expectRateLimited(await app.call('POST', '/auth/sms', { body: { phone } }))).toBe(40)
    expect((await app.call('POST', '/auth/sms', { body: { phone: randomPhone() } })).status).toBe(200)
    app.advance(40_000)
    expect((await app.call('POST', '/auth/sms', { body: { phone } })).status).toBe(200)
  })
})

describe('sessions', () => {
  it('end after 30 days of the wall clock: 401 on day 31', async () => {
    const app = await clockedApp()
    const { token } = v.parse(SignedIn, (await signIn(app, randomPhone(), RIGHT_CODE)).body)
    app.advance(29 * DAY_MS)
    expect((await app.call('GET', '/me', { token })).status).toBe(200)
    app.advance(2 * DAY_MS)
    expect((await app.call('GET', '/me', { token })).status).toBe(401)
  })

  it('do not end when operators move the mock clock 60 days ahead', async () => {
    const app = await clockedApp()
    const { token } = v.parse(SignedIn, (await signIn(app, randomPhone(), RIGHT_CODE)).body)
    expect((await app.call('POST', '/__mock/clock', { body: { advanceDays: 60 } })).status).toBe(200)
    expect((await app.call('GET', '/me', { token })).status).toBe(200)
  })

  it('are stored as hashes: no row of sessions holds the token', async () => {
    const app = await clockedApp()
    const { token } = v.parse(SignedIn, (await signIn(app, randomPhone(), RIGHT_CODE)).body)
    const rows = await app.db.transaction((sql) => sql.query('SELECT * FROM sessions'))
    expect(rows.length).toBeGreaterThan(0)
    // The token without its prefix too: a stored copy of the secret part is as good as the token.
    const secret = token.replace(/^fl_/, '')
    for (const row of rows) {
      const text = JSON.stringify(row)
      expect(text).not.toContain(secret)
    }
    expect((await app.call('GET', '/me', { token })).status).toBe(200)
  })
})

describe('each limit switched off (MOCK_AUTH_LIMITS=off)', () => {
  const off = settingsFromEnv({ ...process.env, MOCK_AUTH_LIMITS: 'off' })

  it('lets the right code through after any number of wrong ones', async () => {
    const app = await clockedApp(off)
    const phone = randomPhone()
    for (let attempt = 1; attempt <= 8; attempt += 1) expect((await signIn(app, phone, WRONG_CODE)).status).toBe(400)
    expect((await signIn(app, phone, RIGHT_CODE)).status).toBe(200)
  })

  it('sends codes to one phone back to back', async () => {
    const app = await clockedApp(off)
    const phone = randomPhone()
    for (let attempt = 1; attempt <= 3; attempt += 1)
      expect((await app.call('POST', '/auth/sms', { body: { phone } })).status).toBe(200)
  })

  it('keeps sessions past the lifetime', async () => {
    const app = await clockedApp(off)
    const { token } = v.parse(SignedIn, (await signIn(app, randomPhone(), RIGHT_CODE)).body)
    app.advance(400 * DAY_MS)
    expect((await app.call('GET', '/me', { token })).status).toBe(200)
  })
})
