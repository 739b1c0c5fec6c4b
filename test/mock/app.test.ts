import { Hono } from 'hono'
import * as v from 'valibot'
import { endpoints, ErrorBody } from '../../src/contract/all'
import { authenticator } from '../../mock/modules/account/service'
import { checkIn } from '../../mock/modules/membership/service'
import { createRouter } from '../../mock/platform/http'
import { DEFAULT_SETTINGS } from '../../mock/platform/settings'
import { seedConfig } from '../../mock/seed/config'
import { apiCaller, createTestApp } from '../support/test-server'

const ledgerCount = async (db: Awaited<ReturnType<typeof createTestApp>>['db']): Promise<number> => {
  const [row] = await db.transaction((sql) => sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries'))
  return row?.n ?? -1
}

/** The bare frame on a test database, with the app's own authenticator and a 500 handler that logs. */
const bareRouter = (db: Awaited<ReturnType<typeof createTestApp>>['db'], log: (message: string) => void) => {
  const app = new Hono()
  app.onError((error, c) => {
    log(String(error))
    return c.json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } }, 500)
  })
  const router = createRouter(app, {
    db,
    config: seedConfig(),
    settings: DEFAULT_SETTINGS,
    auth: authenticator,
    realNow: Date.now,
    clockOffset: async () => 0,
    log,
  })
  return { app, router }
}

// The frame's last line of defence: a bug is a 500 in the error format, logged, with no stack in the answer,
// and it keeps none of what the request wrote.
describe('a bug in a handler', () => {
  const frame = async (handler: Parameters<ReturnType<typeof createRouter>['register']>[1]) => {
    const { db } = await createTestApp()
    const log = jest.fn()
    const { app, router } = bareRouter(db, log)
    router.register(endpoints.health, handler as never)
    return { app, db, log }
  }

  it('answers 500 INTERNAL in the error format, logs it, and keeps none of its writes', async () => {
    const { app, db, log } = await frame(async ({ sql }) => {
      await sql.query(
        `INSERT INTO ledger_entries (id, member_id, delta, type, reason, created_at) VALUES ('pt-x', 'm-new', 5, 'adjustment', 'x', now())`,
      )
      throw new Error('the handler has a bug')
    })
    const before = await ledgerCount(db)
    const response = await app.fetch(new Request('http://mock.test/api/v1/health'))
    expect(response.status).toBe(500)
    const body = v.parse(ErrorBody, await response.json())
    expect(body.error.code).toBe('INTERNAL')
    expect(JSON.stringify(body)).not.toContain('the handler has a bug')
    expect(String(log.mock.calls[0]?.[0])).toContain('the handler has a bug')
    expect(await ledgerCount(db)).toBe(before)
  })

  it('answers 500 INTERNAL when a handler answers outside its contract, and undoes its writes', async () => {
    const { app, db, log } = await frame(async ({ sql }) => {
      await sql.query(
        `INSERT INTO ledger_entries (id, member_id, delta, type, reason, created_at) VALUES ('pt-y', 'm-new', 5, 'adjustment', 'y', now())`,
      )
      return { status: 'ok' as const, now: 'yesterday' }
    })
    const before = await ledgerCount(db)
    const response = await app.fetch(new Request('http://mock.test/api/v1/health'))
    expect(response.status).toBe(500)
    expect(v.parse(ErrorBody, await response.json()).error.code).toBe('INTERNAL')
    expect(String(log.mock.calls[0]?.[0])).toMatch(/outside its contract.*now/)
    expect(await ledgerCount(db)).toBe(before)
  })
})

// A 500 is no answer to keep: the client retries with the same key, and the retry must run, not replay the failure.
describe('an idempotent request whose handler fails', () => {
  it('stores no idempotency record on a 500: the retry with the same key runs again and succeeds', async () => {
    const { app: serverApp, db } = await createTestApp()
    const signedIn = await serverApp.fetch(
      new Request('http://mock.test/api/v1/auth/phone', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone: '13700009999', smsCode: '123456' }),
      }),
    )
    const { token } = (await signedIn.json()) as { token: string }
    const { app, router } = bareRouter(db, () => {})
    let calls = 0
    router.register(endpoints.checkIn, async ({ member, ...ctx }) => {
      calls += 1
      const result = await checkIn(ctx, member)
      // The first run fails after its writes (a lost connection, a bug on one code path).
      if (calls === 1) throw new Error('the handler failed half-way')
      return result
    })
    const checkInWithKey = () =>
      app.fetch(
        new Request('http://mock.test/api/v1/checkin', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'retry-after-500' },
        }),
      )
    const keysStored = async (): Promise<number> => {
      const [row] = await db.transaction((sql) =>
        sql.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys'),
      )
      return row?.n ?? -1
    }
    const before = await keysStored()
    expect((await checkInWithKey()).status).toBe(500)
    expect(await keysStored()).toBe(before)
    const retried = await checkInWithKey()
    expect(retried.status).toBe(201)
    expect(calls).toBe(2)
    const replayed = await checkInWithKey()
    expect(replayed.status).toBe(201)
    expect(await replayed.json()).toEqual(await retried.json())
    expect(calls).toBe(2)
  })
})

describe('the database keeps what it can by itself', () => {
  it('refuses to edit or delete a ledger entry', async () => {
    const { db } = await createTestApp()
    await expect(db.transaction((sql) => sql.query(`UPDATE ledger_entries SET delta = delta + 1`))).rejects.toThrow(
      /never changed or deleted/,
    )
    await expect(db.transaction((sql) => sql.query(`DELETE FROM ledger_entries`))).rejects.toThrow(
      /never changed or deleted/,
    )
  })

  it('refuses a negative balance, a negative stock and a second check-in on one day', async () => {
    const { db } = await createTestApp()
    await expect(
      db.transaction((sql) => sql.query(`UPDATE members SET points_balance = -1 WHERE id = 'm-new'`)),
    ).rejects.toThrow(/check constraint/)
    await expect(
      db.transaction((sql) => sql.query(`UPDATE gifts SET stock = -1 WHERE id = 'gift-tote'`)),
    ).rejects.toThrow(/check constraint/)
    const insert = `INSERT INTO checkins (id, member_id, date, is_makeup, created_at) VALUES ($1, 'm-new', '2030-01-01', false, now())`
    await db.transaction((sql) => sql.query(insert, ['ci-a']))
    await expect(db.transaction((sql) => sql.query(insert, ['ci-b']))).rejects.toThrow(/unique/)
  })
})

describe('the desktop preview page', () => {
  it('is served at /__preview with the tools on: phone frames, device sizes and the operator controls', async () => {
    const { app } = await createTestApp()
    const response = await app.fetch(new Request('http://127.0.0.1/__preview'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    const html = await response.text()
    for (const part of [
      'iPhone SE (375×667)',
      'iPhone 14 (390×844)',
      '+1 天',
      '+7 天',
      '重置全部数据',
      'previewAs',
      '/config-check',
    ])
      expect(html).toContain(part)
  })
})

// PostgreSQL cannot hold a NUL in text or jsonb: one that reached a query was a 500 (a grant's reason, a gift
// category or a post topic in the query string). The frame refuses it as bad input, naming the field.
describe('a NUL in what a client sends', () => {
  const personaToken = async (app: Awaited<ReturnType<typeof createTestApp>>['app']): Promise<string> => {
    const response = await app.fetch(
      new Request('http://127.0.0.1/api/v1/__mock/persona', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'new-member' }),
      }),
    )
    return ((await response.json()) as { token: string }).token
  }

  it('is 400 VALIDATION_FAILED on the field, in a body or in a query, and writes nothing', async () => {
    const { app, db } = await createTestApp()
    const token = await personaToken(app)
    const before = await ledgerCount(db)
    const grant = await app.fetch(
      new Request('http://127.0.0.1/api/v1/__mock/grant', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': 'nul-1' },
        body: JSON.stringify({ points: 1, reason: 'a\u0000b' }),
      }),
    )
    expect(grant.status).toBe(400)
    expect(v.parse(ErrorBody, await grant.json()).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { reason: expect.any(String) } },
    })
    expect(await ledgerCount(db)).toBe(before)
    for (const [path, field] of [
      ['/gifts?category=a%00b', 'category'],
      ['/posts?topic=a%00b', 'topic'],
    ] as const) {
      const response = await app.fetch(new Request(`http://127.0.0.1/api/v1${path}`))
      expect(response.status).toBe(400)
      expect(v.parse(ErrorBody, await response.json()).error.details).toEqual({
        fields: { [field]: 'no NUL character' },
      })
    }
  })

  it('refuses a grant whose reason holds a control character (a ledger line the member reads), writing nothing', async () => {
    const { app, db } = await createTestApp()
    const token = await personaToken(app)
    const before = await ledgerCount(db)
    const reversed = await app.fetch(
      new Request('http://127.0.0.1/api/v1/__mock/grant', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': 'nul-2' },
        body: JSON.stringify({ points: 1, reason: '运营\u202e调整' }),
      }),
    )
    expect(reversed.status).toBe(400)
    expect(v.parse(ErrorBody, await reversed.json()).error.details).toEqual({
      fields: { reason: expect.stringMatching(/control/i) },
    })
    expect(await ledgerCount(db)).toBe(before)
  })
})

// Only a JSON escape (\ud83d) can send half a surrogate pair, and a client that cuts a field through an emoji does:
// PostgreSQL stored U+FFFD (�) in its place, so a nickname or an address changed silently into something else.
describe('half an emoji in what a client sends', () => {
  const errorOn = (fields: Record<string, string>) => ({
    error: expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields } }),
  })
  it('is 400 VALIDATION_FAILED on the field, for a nickname or an address, and changes nothing', async () => {
    const { app } = await createTestApp()
    const call = apiCaller(app)
    const { token } = (await call('POST', '/auth/phone', { body: { phone: '13912340001', smsCode: '123456' } }))
      .body as { token: string }
    const { nickname } = (await call('GET', '/me', { token })).body as { nickname: string }
    const address = {
      name: '林娜',
      phone: '13912340001',
      region: ['上海市', '上海市', '静安区'],
      detail: '南京西路 1 号',
    }
    const refused = [
      await call('PATCH', '/me', { token, body: { nickname: '小林\ud83d' } }),
      await call('POST', '/addresses', { token, body: { ...address, detail: '南京西路 1 号\ude00' } }),
      await call('POST', '/addresses', { token, body: { ...address, region: ['上海市', '\ud83d上海市', '静安区'] } }),
    ]
    expect(refused.map((answer) => [answer.status, answer.body])).toEqual([
      [400, errorOn({ nickname: 'no control characters' })],
      [400, errorOn({ detail: 'no control characters' })],
      [400, errorOn({ 'region.1': 'no control characters' })],
    ])
    expect(((await call('GET', '/me', { token })).body as { nickname: string }).nickname).toBe(nickname)
    expect((await call('GET', '/addresses', { token })).body).toEqual({ items: [] })
    // A whole emoji is a character like any other.
    const emoji = await call('PATCH', '/me', { token, body: { nickname: '小林😀' } })
    expect([emoji.status, (emoji.body as { nickname: string }).nickname]).toEqual([200, '小林😀'])
  })
})
