import * as v from 'valibot'
import { DistributionStatus, SignedIn } from '../../src/contract/all'
import { apiCaller, createTestApp } from '../support/test-server'

// A cursor is the server's own (base64url JSON of the last row's sort key) but it comes back from the client, so it
// may be edited: a key of the wrong shape, or numbers that no row's key holds (fractions, beyond what PostgreSQL's
// integers take, Infinity), must be a 400 that names the cursor, never a 500 and never rows of another list.

const cursorOf = (json: string) => Buffer.from(json, 'utf8').toString('base64url')

const TAMPERED = [
  '[1.5,2.5]',
  '[1.5,2.5,"x"]',
  '[1e300,1e300]',
  '[1e300,1,"x"]',
  '[1e400,1e400]',
  '["a","b","c"]',
  '[1,2,"x",4]',
  '[]',
  '{}',
  '"x"',
]

const LISTS = [
  '/distribution/commissions',
  '/distribution/commissions?status=settled',
  '/distribution/fans',
  '/distribution/arrivals',
  '/distribution/posts',
  '/distribution/posts?sort=newest',
  '/distribution/withdrawals',
  '/orders',
  '/points/ledger',
  '/points/ledger?direction=spent',
  '/redemptions',
  '/redemptions?status=completed',
]

describe('tampered cursors on the KOL’s lists, the orders, the points ledger and the redemptions', () => {
  let call: ReturnType<typeof apiCaller>
  let token = ''
  beforeAll(async () => {
    const { app } = await createTestApp()
    call = apiCaller(app)
    const signedIn = await call('POST', '/auth/phone', { body: { phone: '13966660001', smsCode: '123456' } })
    token = v.parse(SignedIn, signedIn.body).token
    v.parse(
      DistributionStatus,
      (await call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })).body,
    )
  })

  it.each(LISTS)('%s: 400 for every tampered cursor', async (list) => {
    const separator = list.includes('?') ? '&' : '?'
    const answers = []
    for (const key of TAMPERED) {
      const answer = await call('GET', `${list}${separator}cursor=${cursorOf(key)}`, { token })
      answers.push([key, answer.status, Object.keys(answer.body.error?.details?.fields ?? {})])
    }
    expect(answers).toEqual(TAMPERED.map((key) => [key, 400, ['cursor']]))
  })

  it.each(LISTS)('%s: the cursors it issues page through it one row at a time, as before', async (list) => {
    const kol = (await call('POST', '/__mock/persona', { body: { id: 'kol-distributor' } })).body.token as string
    const separator = list.includes('?') ? '&' : '?'
    const whole = (await call('GET', `${list}${separator}limit=50`, { token: kol })).body.items as unknown[]
    const walked: unknown[] = []
    let cursor: string | null = null
    do {
      const page: { status: number; body: { items: unknown[]; nextCursor: string | null } } = await call(
        'GET',
        `${list}${separator}limit=1${cursor === null ? '' : `&cursor=${cursor}`}`,
        { token: kol },
      )
      expect(page.status).toBe(200)
      walked.push(...page.body.items)
      cursor = page.body.nextCursor
    } while (cursor !== null)
    expect(walked).toEqual(whole)
  })
})
