// Runs in the app project's jsdom environment (its setup needs a window); Node's own modules work there.
import { Buffer } from 'node:buffer'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setImmediate } from 'node:timers'
import * as v from 'valibot'
import { Member, SignedIn } from '../../src/contract'
import { createMockApp } from '../../mock/app'
import { createSeedState } from '../../mock/seed'
import { MockState } from '../../mock/state'
import type { MockStore } from '../../mock/store'
import { createFileStore, createMemoryStore, DATA_FILE_NAME } from '../../mock/store'

const tempDirs: string[] = []
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-store-'))
  tempDirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
})
afterEach(() => {
  jest.restoreAllMocks()
})

const call = async (
  store: MockStore,
  method: string,
  pathname: string,
  init: { token?: string; body?: unknown; key?: string } = {},
) => {
  const headers = new Headers()
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
  if (init.key) headers.set('Idempotency-Key', init.key)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  const response = await createMockApp({ store }).fetch(
    new Request(`http://mock.test/api/v1${pathname}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  )
  return { status: response.status, body: (await response.json()) as unknown }
}

const signIn = async (store: MockStore, phone = '13912345678') => {
  const response = await call(store, 'POST', '/auth/phone', { body: { phone, smsCode: '123456' } })
  expect(response.status).toBe(200)
  return v.parse(SignedIn, response.body)
}

const readDisk = (dir: string): MockState =>
  v.parse(MockState, JSON.parse(fs.readFileSync(path.join(dir, DATA_FILE_NAME), 'utf8')))

describe('file store', () => {
  it('keeps data and sessions across a restart', async () => {
    const dir = tempDir()
    const first = createFileStore({ dataDir: dir })
    const { token } = await signIn(first)
    expect((await call(first, 'PATCH', '/me', { token, body: { nickname: '重启之后' } })).status).toBe(200)
    expect((await call(first, 'POST', '/__mock/grant', { token, body: { points: 321 }, key: 'k-1' })).status).toBe(200)
    await first.close()

    const second = createFileStore({ dataDir: dir })
    const me = await call(second, 'GET', '/me', { token })
    expect(me.status).toBe(200)
    expect(v.parse(Member, me.body)).toMatchObject({ nickname: '重启之后', pointsBalance: 321 })
    // The idempotency record survived too: a retry after the restart replays instead of paying twice.
    await call(second, 'POST', '/__mock/grant', { token, body: { points: 321 }, key: 'k-1' })
    expect(v.parse(Member, (await call(second, 'GET', '/me', { token })).body).pointsBalance).toBe(321)
  })

  it('has a write on disk by the time it is answered 2xx, without a close', async () => {
    const dir = tempDir()
    const store = createFileStore({ dataDir: dir })
    const { token, member } = await signIn(store)
    expect(readDisk(dir).sessions[token]?.memberId).toBe(member.id)
    await call(store, 'PATCH', '/me', { token, body: { nickname: '已落盘' } })
    expect(readDisk(dir).members.find((candidate) => candidate.id === member.id)?.nickname).toBe('已落盘')
  })

  it('keeps the clock offset across a restart', async () => {
    const dir = tempDir()
    const first = createFileStore({ dataDir: dir })
    await call(first, 'POST', '/__mock/clock', { body: { advanceDays: 10 } })
    const second = createFileStore({ dataDir: dir })
    const { body } = await call(second, 'GET', '/__mock/clock')
    const shift = Date.parse((body as { now: string }).now) - Date.now()
    expect(Math.abs(shift - 10 * 24 * 60 * 60 * 1000)).toBeLessThan(60_000)
  })

  it('writes once for all the mutations of one tick (group commit)', async () => {
    const store = createFileStore({ dataDir: tempDir() })
    const { token } = await signIn(store)
    const rename = jest.spyOn(fs.promises, 'rename')
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        call(store, 'POST', '/__mock/grant', { token, body: { points: 1 }, key: `g-${index}` }),
      ),
    )
    expect(responses.every((response) => response.status === 200)).toBe(true)
    expect(rename.mock.calls.length).toBeGreaterThanOrEqual(1)
    expect(rename.mock.calls.length).toBeLessThan(30)
  })

  it('does not answer 2xx when the write fails, and the next write saves everything', async () => {
    const dir = tempDir()
    const store = createFileStore({ dataDir: dir })
    const { token } = await signIn(store)
    jest.spyOn(fs.promises, 'rename').mockRejectedValueOnce(new Error('disk full'))
    const failed = await call(store, 'PATCH', '/me', { token, body: { nickname: '写入失败' } })
    expect(failed.status).toBe(500)
    expect(failed.body).toMatchObject({ error: { code: 'INTERNAL' } })
    expect(fs.readdirSync(dir)).toEqual([DATA_FILE_NAME])
    expect((await call(store, 'PATCH', '/me', { token, body: { avatarUrl: 'a.png' } })).status).toBe(200)
    const saved = readDisk(dir).members.find((member) => member.phone === '13912345678')
    expect(saved).toMatchObject({ nickname: '写入失败', avatarUrl: 'a.png' })
  })

  it('never leaves a half-written file: every read in between parses, and no temp file remains', async () => {
    const dir = tempDir()
    const store = createFileStore({ dataDir: dir })
    const { token } = await signIn(store)
    let reads = 0
    let isWriting = true
    const reader = (async () => {
      while (isWriting) {
        expect(() =>
          v.parse(MockState, JSON.parse(fs.readFileSync(path.join(dir, DATA_FILE_NAME), 'utf8'))),
        ).not.toThrow()
        reads += 1
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    for (let round = 0; round < 40; round += 1) {
      await call(store, 'PATCH', '/me', { token, body: { nickname: `第${round}次` } })
    }
    isWriting = false
    await reader
    await store.close()
    expect(reads).toBeGreaterThan(10)
    expect(fs.readdirSync(dir)).toEqual([DATA_FILE_NAME])
  })

  it('removes a temp file left by a process killed mid-write, keeping the data file', async () => {
    const dir = tempDir()
    const first = createFileStore({ dataDir: dir })
    const { token } = await signIn(first)
    await first.close()
    fs.writeFileSync(path.join(dir, `${DATA_FILE_NAME}.tmp-99999-1`), '{"schemaVersion":1,"half')
    const log = jest.fn()
    const second = createFileStore({ dataDir: dir, log })
    expect(fs.readdirSync(dir)).toEqual([DATA_FILE_NAME])
    expect((await call(second, 'GET', '/me', { token })).status).toBe(200)
    expect(log).not.toHaveBeenCalled()
  })

  describe.each([
    ['garbage bytes', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x7b])],
    ['an empty file', Buffer.alloc(0)],
    ['valid JSON of the wrong shape', Buffer.from(JSON.stringify({ members: 'nope', schemaVersion: 1 }))],
    ['valid JSON that is not an object', Buffer.from('[1,2,3]')],
    ['a truncated state', Buffer.from('{"schemaVersion":1,"clock":{"offsetMs":0},"members":[')],
    [
      'a state of the previous schema version',
      Buffer.from(JSON.stringify({ ...createSeedState(Date.now()), schemaVersion: 1 })),
    ],
  ])('a data file holding %s', (_label, content) => {
    it('is reported, set aside next to it, and replaced by a fresh seed', async () => {
      const dir = tempDir()
      const filePath = path.join(dir, DATA_FILE_NAME)
      fs.writeFileSync(filePath, content)
      const log = jest.fn()
      const store = createFileStore({ dataDir: dir, log })

      expect(log).toHaveBeenCalledTimes(1)
      const message = String(log.mock.calls[0]?.[0])
      expect(message).toContain(filePath)
      expect(message).toMatch(/empty|JSON|not a FanLoop mock state/)
      const aside = fs.readdirSync(dir).filter((name) => name.startsWith(`${DATA_FILE_NAME}.corrupt-`))
      expect(aside).toHaveLength(1)
      expect(message).toContain(aside[0])
      expect(fs.readFileSync(path.join(dir, aside[0] ?? ''))).toEqual(content)
      expect(readDisk(dir).members.length).toBeGreaterThan(0)
      expect((await call(store, 'GET', '/health')).status).toBe(200)
      expect((await call(store, 'POST', '/__mock/persona', { body: { id: 'new-member' } })).status).toBe(200)
    })
  })

  it('starts from the seed in a data dir that does not exist yet', () => {
    const dir = path.join(tempDir(), 'nested', 'data')
    const store = createFileStore({ dataDir: dir })
    expect(store.filePath).toBe(path.join(dir, DATA_FILE_NAME))
    expect(readDisk(dir).schemaVersion).toBe(3)
  })
})

describe('memory store', () => {
  it('works the same and writes nothing to disk', async () => {
    const writes = [
      jest.spyOn(fs, 'writeFileSync'),
      jest.spyOn(fs, 'openSync'),
      jest.spyOn(fs, 'mkdirSync'),
      jest.spyOn(fs, 'renameSync'),
      jest.spyOn(fs.promises, 'open'),
      jest.spyOn(fs.promises, 'writeFile'),
      jest.spyOn(fs.promises, 'rename'),
    ]
    const store = createMemoryStore()
    expect(store.filePath).toBeNull()
    const { token } = await signIn(store)
    expect((await call(store, 'PATCH', '/me', { token, body: { nickname: '只在内存' } })).status).toBe(200)
    expect((await call(store, 'POST', '/__mock/reset')).status).toBe(200)
    for (const write of writes) expect(write).not.toHaveBeenCalled()
  })
})
