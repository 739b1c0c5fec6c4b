import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as v from 'valibot'
import { Address, AddressList, CheckinResult, Member } from '../../src/contract/all'
import { Granted, MockMemberState } from '../../mock/preview/endpoints'
import { createDatabase, hasPostgres, startThrowawayPostgres } from '../../scripts/lib/throwaway-postgres.mjs'
import type { Running, Sent } from '../support/server-process'
import { exited, send, startServer, stopServer } from '../support/server-process'

// The real server process (mock/main.ts), killed with SIGKILL the moment its last answer arrives: every write it
// answered with a 2xx must be there after a restart on the same data, on both stores.
// A server start takes a few seconds on an idle machine and far more on a loaded one: hence the long timeout.
jest.setTimeout(150_000)

const MEMBERS = 8
const GRANTS_PER_MEMBER = 20
const ADDRESSES_PER_MEMBER = 4
// 8 x (20 grants + 1 check-in + 4 addresses) = 200 writes in one burst.
const WRITES = MEMBERS * (GRANTS_PER_MEMBER + 1 + ADDRESSES_PER_MEMBER)

type Grant = { token: string; key: string; points: number; answer: Sent }
type Checkin = { token: string; key: string; answer: Sent }
type Created = { token: string; id: string }

const burstThenKill = async (env: Record<string, string>): Promise<void> => {
  const first = await startServer(env)
  let second: Running | null = null
  try {
    const tokens: string[] = []
    for (let index = 0; index < MEMBERS; index += 1) {
      const signedIn = await send(first.apiBase, 'POST', '/auth/phone', {
        body: { phone: `1390000${String(1000 + index)}`, smsCode: '123456' },
      })
      expect(signedIn.status).toBe(200)
      tokens.push((signedIn.body as { token: string }).token)
    }

    // Each write counts as answered once its whole body has arrived; the last one kills the server at once.
    let answered = 0
    const track = async (sending: Promise<Sent>): Promise<Sent> => {
      const result = await sending
      answered += 1
      if (answered === WRITES) first.child.kill('SIGKILL')
      return result
    }
    const grants: Promise<Grant>[] = []
    const checkins: Promise<Checkin>[] = []
    const addresses: Promise<Created>[] = []
    for (const [memberIndex, token] of tokens.entries()) {
      for (let index = 0; index < GRANTS_PER_MEMBER; index += 1) {
        const key = randomUUID()
        const points = 1 + memberIndex
        grants.push(
          track(send(first.apiBase, 'POST', '/__mock/grant', { token, key, body: { points } })).then((answer) => ({
            token,
            key,
            points,
            answer,
          })),
        )
      }
      const key = randomUUID()
      checkins.push(
        track(send(first.apiBase, 'POST', '/checkin', { token, key })).then((answer) => ({ token, key, answer })),
      )
      for (let index = 0; index < ADDRESSES_PER_MEMBER; index += 1) {
        const body = {
          name: `收件人${index}`,
          phone: '13900001234',
          region: ['上海市', '上海市', '徐汇区'],
          detail: `漕溪北路 ${index} 号`,
        }
        addresses.push(
          track(send(first.apiBase, 'POST', '/addresses', { token, body })).then((answer) => {
            expect(answer.status).toBe(201)
            return { token, id: v.parse(Address, answer.body).id }
          }),
        )
      }
    }
    const [granted, checkedIn, created] = await Promise.all([
      Promise.all(grants),
      Promise.all(checkins),
      Promise.all(addresses),
    ])
    await exited(first.child)
    expect(first.child.signalCode).toBe('SIGKILL')
    for (const grant of granted) expect(grant.answer.status).toBe(200)
    for (const checkin of checkedIn) expect(checkin.answer.status).toBe(201)

    second = await startServer(env)
    const apiBase = second.apiBase
    for (const [memberIndex, token] of tokens.entries()) {
      const state = await send(apiBase, 'GET', '/__mock/me', { token })
      expect(state.status).toBe(200)
      const { member, ledger } = v.parse(MockMemberState, state.body)
      const mine = granted.filter((grant) => grant.token === token)
      const entryIds = new Set(ledger.map((entry) => entry.id))
      for (const grant of mine) expect(entryIds.has(v.parse(Granted, grant.answer.body).entry?.id ?? '')).toBe(true)
      const adjustments = ledger.filter((entry) => entry.type === 'adjustment')
      expect(adjustments.reduce((sum, entry) => sum + entry.delta, 0)).toBe(GRANTS_PER_MEMBER * (1 + memberIndex))
      const checkin = v.parse(CheckinResult, checkedIn.find((item) => item.token === token)?.answer.body)
      expect(ledger.filter((entry) => entry.type === 'checkin').map((entry) => entry.delta)).toEqual([
        checkin.pointsAwarded,
      ])
      expect(member.pointsBalance).toBe(ledger.reduce((sum, entry) => sum + entry.delta, 0))
      const list = v.parse(AddressList, (await send(apiBase, 'GET', '/addresses', { token })).body)
      expect(list.items.map((address) => address.id).sort()).toEqual(
        created
          .filter((item) => item.token === token)
          .map((item) => item.id)
          .sort(),
      )
    }
    const balances = await Promise.all(
      tokens.map(async (token) => v.parse(Member, (await send(apiBase, 'GET', '/me', { token })).body).pointsBalance),
    )

    // The same keys again: the stored answers, and nothing applied twice.
    const replays = await Promise.all([
      ...granted.map(async (grant) => ({
        first: grant.answer,
        again: await send(apiBase, 'POST', '/__mock/grant', {
          token: grant.token,
          key: grant.key,
          body: { points: grant.points },
        }),
      })),
      ...checkedIn.map(async (checkin) => ({
        first: checkin.answer,
        again: await send(apiBase, 'POST', '/checkin', { token: checkin.token, key: checkin.key }),
      })),
    ])
    for (const replay of replays) expect(replay.again).toEqual(replay.first)
    const after = await Promise.all(
      tokens.map(async (token) => v.parse(Member, (await send(apiBase, 'GET', '/me', { token })).body).pointsBalance),
    )
    expect(after).toEqual(balances)
  } finally {
    if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL')
    await exited(first.child)
    if (second) await stopServer(second)
  }
}

describe('kill -9 right after answered writes', () => {
  it(`loses none of ${WRITES} answered writes on PGlite in a data folder`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-durability-'))
    try {
      await burstThenKill({ MOCK_DATA_DIR: dataDir })
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  const itWithPostgres = hasPostgres() ? it : it.skip
  const postgresName = hasPostgres()
    ? `loses none of ${WRITES} answered writes on PostgreSQL (DATABASE_URL)`
    : `loses none of ${WRITES} answered writes on PostgreSQL: SKIPPED, no PostgreSQL server binaries here (apt-get install -y postgresql)`
  itWithPostgres(postgresName, async () => {
    const postgres = await startThrowawayPostgres()
    try {
      const url = await createDatabase(postgres.url, 'durability')
      // The grants go through /__mock/grant, off by default on a real PostgreSQL.
      await burstThenKill({ DATABASE_URL: url, MOCK_TOOLS: 'on' })
    } finally {
      await postgres.stop()
    }
  })
})
