import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { operatorToolsOffBecause } from '../../mock/platform/settings'
import { seedConfig } from '../../mock/seed/config'
import { createDatabase, hasPostgres, startThrowawayPostgres } from '../../scripts/lib/throwaway-postgres.mjs'
import { send, startServer, stopServer } from '../support/server-process'

// The operator routes have no auth: the real process must leave them out when told to, and in production.
// (That they are on by default is shown by test/mock/durability.test.ts, which uses /__mock/grant.)
jest.setTimeout(150_000)

describe('the /__mock operator routes in the real process', () => {
  it.each([
    ['MOCK_TOOLS=off', { MOCK_TOOLS: 'off' }],
    ['MOCK_TOOLS=OFF', { MOCK_TOOLS: 'OFF' }],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
  ])('are off with %s, while /health answers', async (name, env) => {
    const running = await startServer({ MOCK_STORE: 'memory', ...env })
    try {
      expect((await send(running.apiBase, 'GET', '/health')).status).toBe(200)
      expect((await send(running.apiBase, 'GET', '/__mock/clock')).status).toBe(404)
      expect((await send(running.apiBase, 'POST', '/__mock/reset')).status).toBe(404)
      expect((await send(running.apiBase, 'GET', '/__mock/reviews')).status).toBe(404)
      expect(running.output()).toContain('Operator tools (/__mock): off')
      // Production mode says plainly what it does not make real, and seeds no demo members into a live database.
      if (name === 'NODE_ENV=production') {
        expect(running.output()).toContain('Sign-in is simulated')
        expect(running.output()).toContain('seeded the catalogue alone')
      }
    } finally {
      await stopServer(running)
    }
  })
})

describe('the /__mock operator routes on a server that answers a public name (MOCK_ALLOWED_HOSTS)', () => {
  // They have no auth: behind a proxy for api.brand.example, anyone could reset every table or be any persona.
  it('are off unless MOCK_TOOLS says on, and the start-up log says why', async () => {
    const running = await startServer({ MOCK_STORE: 'memory', MOCK_ALLOWED_HOSTS: 'api.brand.example' })
    try {
      expect((await send(running.apiBase, 'GET', '/health')).status).toBe(200)
      expect((await send(running.apiBase, 'POST', '/__mock/reset')).status).toBe(404)
      expect(running.output()).toContain('Operator tools (/__mock): off (MOCK_ALLOWED_HOSTS is set')
    } finally {
      await stopServer(running)
    }
    const chosen = await startServer({
      MOCK_STORE: 'memory',
      MOCK_ALLOWED_HOSTS: 'api.brand.example',
      MOCK_TOOLS: 'on',
    })
    try {
      expect((await send(chosen.apiBase, 'GET', '/__mock/clock')).status).toBe(200)
    } finally {
      await stopServer(chosen)
    }
  })
})

describe('the /__mock operator routes on a real PostgreSQL (DATABASE_URL)', () => {
  // A brand's own program: behind a reverse proxy that sends Host: 127.0.0.1, anyone could POST /__mock/reset and
  // empty every table. Off unless MOCK_TOOLS=on says so, and the start-up log says why.
  const itWithPostgres = hasPostgres() ? it : it.skip
  itWithPostgres('are off unless MOCK_TOOLS says on, and the start-up log says why', async () => {
    const postgres = await startThrowawayPostgres()
    try {
      const url = await createDatabase(postgres.url, 'tools_default')
      const running = await startServer({ DATABASE_URL: url })
      try {
        expect((await send(running.apiBase, 'GET', '/health')).status).toBe(200)
        expect((await send(running.apiBase, 'POST', '/__mock/reset')).status).toBe(404)
        expect((await send(running.apiBase, 'GET', '/__mock/personas')).status).toBe(404)
        expect(running.output()).toContain('Operator tools (/__mock): off (DATABASE_URL is set')
      } finally {
        await stopServer(running)
      }
      const chosen = await startServer({ DATABASE_URL: url, MOCK_TOOLS: 'on' })
      try {
        expect((await send(chosen.apiBase, 'GET', '/__mock/clock')).status).toBe(200)
        expect(chosen.output()).toContain('Operator tools (/__mock): on')
      } finally {
        await stopServer(chosen)
      }
      const refused = await startServer({ DATABASE_URL: url, MOCK_TOOLS: 'off' })
      try {
        expect((await send(refused.apiBase, 'GET', '/__mock/clock')).status).toBe(404)
        // Told off explicitly: no note on why.
        expect(refused.output()).toMatch(/Operator tools \(\/__mock\): off\n/)
      } finally {
        await stopServer(refused)
      }
    } finally {
      await postgres.stop()
    }
  })
})

// Tests never listen beyond loopback, so where the tools stand for each setting is checked on the decision itself.
describe('the /__mock operator routes by default, for each way a server faces the world', () => {
  const local = { databaseUrl: undefined, listenHost: '127.0.0.1', allowedHosts: [] }
  it.each([
    ['a preview on this machine', local, null],
    ['localhost or ::1', { ...local, listenHost: '::1' }, null],
    ['a real PostgreSQL', { ...local, databaseUrl: 'postgres://db/fanloop' }, 'DATABASE_URL'],
    ['every address (0.0.0.0)', { ...local, listenHost: '0.0.0.0' }, 'MOCK_LISTEN_HOST'],
    ['a LAN address', { ...local, listenHost: '10.0.0.5' }, 'MOCK_LISTEN_HOST'],
    ['a public host name', { ...local, allowedHosts: ['api.brand.example'] }, 'MOCK_ALLOWED_HOSTS'],
  ] as const)('%s: off because of %p', (_name, server, reason) => {
    expect(operatorToolsOffBecause(server)).toBe(reason)
  })
})

describe('a setting the server cannot use', () => {
  it.each([
    [{ MOCK_TOOLS: 'maybe' }, /MOCK_TOOLS must be on or off, not "maybe"/],
    [{ DATABASE_POOL_SIZE: '-1' }, /DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "-1"/],
    [{ MOCK_CORS_ORIGINS: 'h5.brand.example' }, /MOCK_CORS_ORIGINS: "h5.brand.example" is not an origin/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL must be a URL like postgres:/],
    [{ MOCK_STORE: 'mem' }, /MOCK_STORE must be file \(the default\) or memory, not "mem"/],
    [{ MOCK_LISTEN_HOST: 'api.brand.example' }, /MOCK_LISTEN_HOST must be an IP address to listen on/],
    [{ MOCK_SEED: 'none' }, /MOCK_SEED must be demo or catalogue, not "none"/],
    // The Host header's name is compared without its port: a URL or a host:port matched no request (all 403).
    [
      { MOCK_ALLOWED_HOSTS: 'https://api.brand.example' },
      /MOCK_ALLOWED_HOSTS: "https:\/\/api.brand.example" is not a host name/,
    ],
    [
      { MOCK_ALLOWED_HOSTS: 'api.brand.example, api.brand.example:8443' },
      /"api.brand.example:8443" is not a host name/,
    ],
  ])('%o stops the start and says what it expects', async (env, message) => {
    await expect(startServer({ MOCK_STORE: 'memory', ...env })).rejects.toThrow(message)
  })
})

describe('a program config from a file', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-config-'))
  const badConfig = path.join(folder, 'three-levels.json')
  fs.writeFileSync(
    badConfig,
    JSON.stringify({ ...seedConfig(), distribution: { ...seedConfig().distribution, commissionLevels: 3 } }),
  )
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }))

  it('that breaks a rule keeps the server from starting (MOCK_CONFIG), and it says why', async () => {
    await expect(startServer({ MOCK_STORE: 'memory', MOCK_CONFIG: badConfig })).rejects.toThrow(
      /The server exited \(1\)[\s\S]*distribution.commissionLevels: Commission on 3 levels/,
    )
  })

  it('is checked by npm run check:config, which exits 1 on an error and 0 on the seed', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number; output: string }>((resolve) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', 'scripts/check-config.ts', ...args],
          { cwd: path.resolve(__dirname, '../..') },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
        ),
      )
    const bad = await run([badConfig])
    expect(bad.code).toBe(1)
    expect(bad.output).toMatch(/error distribution.commissionLevels: .*at most two levels.* Instead: Use 1/)
    const seed = await run([])
    expect(seed).toEqual({ code: 0, output: expect.stringContaining('No problems') })
  })
})
