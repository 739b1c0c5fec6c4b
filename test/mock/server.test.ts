import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../mock/platform/db'
import { MIGRATIONS_TABLE, migrate, ownTables } from '../../mock/platform/migrate'
import { mockEndpoints } from '../../mock/preview/endpoints'
import { startMockServer } from '../../mock/server'
import { seedConfig } from '../../mock/seed/config'

// The server over real HTTP on 127.0.0.1, on its embedded PostgreSQL (PGlite) in a folder or in memory.
jest.setTimeout(60_000)

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-server-'))

const signUp = async (apiBase: string, phone: string): Promise<string> => {
  const response = await fetch(`${apiBase}/auth/phone`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone, smsCode: '123456' }),
  })
  return ((await response.json()) as { token: string }).token
}

/** fetch() will not send a Host header of our choosing; a raw request will. */
const getWithHost = (url: string, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Host: host } }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', reject)
  })

describe('startMockServer', () => {
  it('serves on 127.0.0.1 with a free port, in memory, and stops', async () => {
    const server = await startMockServer({ port: 0, storeKind: 'memory' })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.apiBase).toBe(`${server.url}/api/v1`)
    expect(server.db.kind).toBe('pglite-memory')
    expect((await fetch(`${server.apiBase}/health`)).status).toBe(200)
    await server.close()
    await expect(fetch(`${server.apiBase}/health`)).rejects.toThrow()
  })

  it('serves a database it is given, seeding it when empty, and leaves it open when it stops', async () => {
    const db = await openDatabase({ kind: 'pglite-memory' })
    try {
      await migrate(db)
      const first = await startMockServer({ port: 0, db })
      expect(first.db).toBe(db)
      const token = await signUp(first.apiBase, '13700002222')
      await first.close()
      // Still open, and what the server wrote is there: the second server finds members and seeds nothing over them.
      const [row] = await db.transaction((sql) => sql.query<{ n: number }>('SELECT count(*)::int AS n FROM members'))
      expect(row?.n).toBeGreaterThan(1)
      const second = await startMockServer({ port: 0, db })
      const me = await fetch(`${second.apiBase}/me`, { headers: { Authorization: `Bearer ${token}` } })
      expect(((await me.json()) as { nickname: string }).nickname).toBe('会员2222')
      await second.close()
    } finally {
      await db.close()
    }
  })

  it('keeps its data in the data folder across a restart, and a second server on it is refused', async () => {
    const dataDir = tempDir()
    try {
      const first = await startMockServer({ dataDir })
      const token = await signUp(first.apiBase, '13700001111')
      // Two processes on one PGlite folder corrupt it: the second one must not start.
      await expect(startMockServer({ dataDir, port: 0 })).rejects.toThrow(
        /Another server \(pid \d+\) is using the data folder/,
      )
      await first.close()
      const second = await startMockServer({ dataDir })
      const me = await fetch(`${second.apiBase}/me`, { headers: { Authorization: `Bearer ${token}` } })
      expect(me.status).toBe(200)
      expect(((await me.json()) as { nickname: string }).nickname).toBe('会员1111')
      await second.close()
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('takes over a lock left by a killed server that had this very pid (pid 1 in a container, at every start)', async () => {
    const dataDir = tempDir()
    try {
      fs.writeFileSync(path.join(dataDir, 'server.lock'), String(process.pid))
      const server = await startMockServer({ dataDir })
      expect((await fetch(`${server.apiBase}/health`)).status).toBe(200)
      await server.close()
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('keeps real time with the operator tools off, though a preview moved the stored clock, and says so', async () => {
    const dataDir = tempDir()
    try {
      const previewing = await startMockServer({ dataDir })
      const moved = await fetch(`${previewing.apiBase}/__mock/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceDays: 5 }),
      })
      expect(moved.status).toBe(200)
      await previewing.close()
      const log = jest.fn()
      const live = await startMockServer({ dataDir, hasTools: false, log })
      const health = (await (await fetch(`${live.apiBase}/health`)).json()) as { now: string }
      await live.close()
      expect(Math.abs(Date.parse(health.now) - Date.now())).toBeLessThan(60_000)
      const logged = log.mock.calls.map(([line]) => String(line)).join('\n')
      expect(logged).toMatch(/preview clock stored in this database is 120 hours ahead of real time/)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('sets a data folder it cannot open aside, says so, and starts from a fresh seed', async () => {
    const dataDir = tempDir()
    try {
      fs.mkdirSync(path.join(dataDir, 'pgdata'))
      fs.writeFileSync(path.join(dataDir, 'pgdata', 'PG_VERSION'), 'not a PostgreSQL folder\n')
      fs.writeFileSync(path.join(dataDir, 'pgdata', 'postgresql.conf'), '\u0000\u0001garbage')
      const log = jest.fn()
      const server = await startMockServer({ dataDir, log })
      expect((await fetch(`${server.apiBase}/gifts/gift-tote`)).status).toBe(200)
      await server.close()
      const logged = log.mock.calls.map(([line]) => String(line)).join('\n')
      expect(logged).toMatch(/Could not open the data in .*pgdata.*Moved it to .*pgdata\.corrupt-/)
      expect(fs.readdirSync(dataDir).some((name) => name.startsWith('pgdata.corrupt-'))).toBe(true)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('without the operator tools (a live server), refuses to start on a data folder it cannot open and keeps it', async () => {
    const dataDir = tempDir()
    try {
      fs.mkdirSync(path.join(dataDir, 'pgdata'))
      fs.writeFileSync(path.join(dataDir, 'pgdata', 'PG_VERSION'), 'not a PostgreSQL folder\n')
      fs.writeFileSync(path.join(dataDir, 'pgdata', 'postgresql.conf'), '\u0000\u0001garbage')
      await expect(startMockServer({ dataDir, hasTools: false, log: jest.fn() })).rejects.toThrow(
        /Could not open the data in .*pgdata.*restore the folder from a backup, or move it aside/,
      )
      // Nothing moved, nothing seeded over it, and no lock left behind for the next start.
      expect(fs.readdirSync(dataDir).sort()).toEqual(['pgdata'])
      expect(fs.readFileSync(path.join(dataDir, 'pgdata', 'PG_VERSION'), 'utf8')).toBe('not a PostgreSQL folder\n')
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('reports at start-up a stored balance that differs from what the lots hold, and still serves', async () => {
    const dataDir = tempDir()
    try {
      const first = await startMockServer({ dataDir })
      // Within every constraint, yet wrong: a balance one point above the member's lots (a hand edit, a bad import).
      await first.db.transaction((sql) =>
        sql.query(`UPDATE members SET points_balance = points_balance + 1 WHERE id = 'm-streak'`),
      )
      await first.close()
      const log = jest.fn()
      const second = await startMockServer({ dataDir, log })
      expect((await fetch(`${second.apiBase}/health`)).status).toBe(200)
      await second.close()
      const logged = log.mock.calls.map(([line]) => String(line)).join('\n')
      expect(logged).toMatch(/Data check: member m-streak has a stored balance of \d+ but \d+ points in lots/)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses to start on a config whose time zone does not exist, and says why', async () => {
    await expect(
      startMockServer({ storeKind: 'memory', config: { ...seedConfig(), timeZone: 'Mars/Olympus_Mons' } }),
    ).rejects.toThrow(
      /The program config cannot run:[\s\S]*timeZone: The time zone "Mars\/Olympus_Mons" does not exist/,
    )
  })

  it('fails clearly when the port is taken, and lets go of its data folder', async () => {
    const first = await startMockServer({ storeKind: 'memory' })
    const port = Number(new URL(first.url).port)
    const dataDir = tempDir()
    try {
      await expect(startMockServer({ port, dataDir })).rejects.toThrow(/EADDRINUSE/)
      // Its lock went with it: the next server on that folder starts (and the process can exit).
      const next = await startMockServer({ dataDir })
      await next.close()
    } finally {
      await first.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('what the server answers, and for whom', () => {
  it('has no operator routes when its tools are off', async () => {
    const server = await startMockServer({ storeKind: 'memory', hasTools: false })
    try {
      // Every operator route of the contract, each with a body it would accept.
      for (const { method, path: template } of Object.values(mockEndpoints)) {
        const route = template.replace(/\{[^}]+\}/g, 'gift-tote')
        const response = await fetch(`${server.apiBase}${route}`, {
          method,
          headers: { 'Content-Type': 'application/json' },
          body: method === 'GET' ? undefined : '{"id":"new-member","stock":1,"points":1,"advanceDays":1}',
        })
        expect([route, response.status]).toEqual([route, 404])
      }
      expect((await fetch(`${server.url}/__preview`)).status).toBe(404)
      const openapi = (await (await fetch(`${server.apiBase}/openapi.json`)).json()) as { paths: object }
      expect(Object.keys(openapi.paths).filter((route) => route.includes('__mock'))).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('refuses a request whose Host is not this machine (DNS rebinding), and serves its own', async () => {
    const server = await startMockServer({ storeKind: 'memory' })
    try {
      expect(await getWithHost(`${server.apiBase}/app/config`, 'evil.example')).toBe(403)
      expect(await getWithHost(`${server.apiBase}/app/config`, 'evil.example:9527')).toBe(403)
      expect(await getWithHost(`${server.apiBase}/app/config`, `localhost:${new URL(server.url).port}`)).toBe(200)
      expect(await getWithHost(`${server.apiBase}/app/config`, new URL(server.url).host)).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('seeds an empty database with the catalogue alone when told (MOCK_SEED=catalogue), and only once', async () => {
    const dataDir = tempDir()
    const call = async (apiBase: string, method: string, route: string, token?: string, body?: unknown) => {
      const headers: Record<string, string> = { 'Idempotency-Key': `k-${Math.random()}` }
      if (token) headers.Authorization = `Bearer ${token}`
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      const response = await fetch(`${apiBase}${route}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    try {
      const log = jest.fn()
      const first = await startMockServer({ dataDir, seedKind: 'catalogue', log })
      expect(log).toHaveBeenCalledWith(expect.stringContaining('seeded the catalogue alone'))
      try {
        // The program is there: gifts, products, plans.
        expect(((await call(first.apiBase, 'GET', '/gifts')).body.items as unknown[]).length).toBeGreaterThan(0)
        expect(((await call(first.apiBase, 'GET', '/products')).body.items as unknown[]).length).toBeGreaterThan(0)
        // No demo members, posts, or the invite codes this repository publishes.
        expect(
          (await call(first.apiBase, 'POST', '/__mock/persona', undefined, { id: 'kol-distributor' })).status,
        ).toBe(404)
        expect((await call(first.apiBase, 'GET', '/posts?section=recommend')).body.items).toEqual([])
        const token = await signUp(first.apiBase, '13700002222')
        expect((await call(first.apiBase, 'POST', '/checkin', token)).status).toBe(201)
        const applied = await call(first.apiBase, 'POST', '/distribution/apply?client=h5', token, {
          route: 'invite_code',
          code: 'FANKOL2026',
        })
        expect(applied.status).toBe(409)
        // The week's challenge is made on demand, as on the demo.
        expect(((await call(first.apiBase, 'GET', '/events')).body.items as unknown[]).length).toBe(1)
      } finally {
        await first.close()
      }
      // Seeded once: the next start finds the program (and the member) and leaves it as it is.
      const again = jest.fn()
      const second = await startMockServer({ dataDir, seedKind: 'catalogue', log: again })
      await second.close()
      expect(again).not.toHaveBeenCalledWith(expect.stringContaining('seeded'))
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it("leaves a brand's own tables in the same database alone: the first seeding and a reset empty only its own", async () => {
    const dataDir = tempDir()
    try {
      // A database that already holds a table of the brand's (README: point DATABASE_URL at a PostgreSQL).
      const before = await openDatabase({ kind: 'pglite-file', dataDir })
      await before.transaction((sql) =>
        sql.exec(
          `CREATE TABLE brand_customers (id int PRIMARY KEY, name text); INSERT INTO brand_customers VALUES (1, 'Ada')`,
        ),
      )
      await before.close()
      const server = await startMockServer({ dataDir })
      try {
        const customers = () =>
          server.db.transaction((sql) => sql.query<{ name: string }>('SELECT name FROM brand_customers'))
        expect(await customers()).toEqual([{ name: 'Ada' }])
        expect((await fetch(`${server.apiBase}/__mock/reset`, { method: 'POST' })).status).toBe(200)
        expect(await customers()).toEqual([{ name: 'Ada' }])
        // What a reset empties is every table the migrations made: none left out, none of anyone else's.
        const tables = await server.db.transaction((sql) =>
          sql.query<{ name: string }>(
            `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
          ),
        )
        expect(
          tables.map(({ name }) => name).filter((name) => ![MIGRATIONS_TABLE, 'brand_customers'].includes(name)),
        ).toEqual(ownTables())
      } finally {
        await server.close()
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('answers GET /health whatever the Host: a load balancer checks an instance by its address', async () => {
    const server = await startMockServer({ storeKind: 'memory', allowedHosts: ['api.brand.example'] })
    try {
      expect(await getWithHost(`${server.apiBase}/health`, '10.0.3.17:9527')).toBe(200)
      expect(await getWithHost(`${server.apiBase}/app/config`, '10.0.3.17:9527')).toBe(403)
      expect(await getWithHost(`${server.apiBase}/app/config`, 'api.brand.example')).toBe(200)
    } finally {
      await server.close()
    }
  })

  // A load balancer or proxy on another machine (or container) cannot reach 127.0.0.1: MOCK_LISTEN_HOST. Tests stay
  // on loopback, so 127.0.0.2 shows the address is the one asked for.
  it('listens on the address it is told, and only there', async () => {
    const server = await startMockServer({ storeKind: 'memory', hostname: '127.0.0.2' })
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/)
      const port = new URL(server.url).port
      expect(await getWithHost(`http://127.0.0.2:${port}/api/v1/health`, `127.0.0.2:${port}`)).toBe(200)
      await expect(getWithHost(`http://127.0.0.1:${port}/api/v1/health`, `127.0.0.1:${port}`)).rejects.toThrow()
    } finally {
      await server.close()
    }
  })
})
