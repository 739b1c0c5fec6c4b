// The week's check-in challenge on the built mini-program, as test/e2e/community-compose.test.ts has it on H5: a
// member joins on Monday (by the server's clock), checks in from home through the challenge's 去签到, the other days
// by the API, and opens the certificate, which the server verifies; 我的证书 lists it.
import { expectHealthy, launchWeapp, reportSetData, type Weapp } from '../support/weapp-harness'
import { startWeappServer, type WeappServer } from '../support/weapp-server'

jest.setTimeout(30_000)

let server: WeappServer
let weapp: Weapp | undefined

beforeAll(async () => {
  server = await startWeappServer()
})
afterEach(() => weapp?.close())
afterAll(async () => {
  reportSetData(__filename)
  await server.close()
})

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': `weapp-${Math.random()}`,
  }
  if (token) headers.authorization = `Bearer ${token}`
  const response = await fetch(`${server.apiBase}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
  if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

const addDays = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
/** The first Monday after a day: a challenge week that has not started yet. */
const mondayAfter = (isoDay: string): string =>
  addDays(isoDay, (8 - new Date(`${isoDay}T00:00:00Z`).getUTCDay()) % 7 || 7)

test('join on Monday, check in every day, then open the certificate the server verifies', async () => {
  const { token } = await server.persona('new-member')
  const { now } = await server.get<{ now: string }>('/__mock/clock')
  const monday = mondayAfter(now.slice(0, 10))
  await post('/__mock/clock', { set: `${monday}T09:00:00+08:00` })

  weapp = await launchWeapp({ apiBase: server.apiBase, token, entry: 'packages/community/challenge/index' })
  await weapp.waitForText('0 人已参加')
  await weapp.tap('参加挑战')
  await weapp.waitForText('1 人已参加')
  await weapp.waitForText('已打卡 0/7 天')

  // 去签到 goes to the home tab; Monday's check-in there.
  await weapp.tap('去签到')
  expect(weapp.current().route).toBe('pages/home/index')
  await weapp.tap(/^签到 \+\d+ 积分$/)
  await weapp.waitForText('今日已签到')
  for (let day = 1; day < 7; day += 1) {
    await post('/__mock/clock', { set: `${addDays(monday, day)}T09:00:00+08:00` })
    await post('/checkin', {}, token)
  }
  weapp.close()

  weapp = await launchWeapp({ apiBase: server.apiBase, token, entry: 'packages/community/challenge/index' })
  await weapp.waitForText('挑战完成！')
  await weapp.waitForText('已打卡 7/7 天')
  await weapp.tap('查看证书')
  expect(weapp.current().route).toBe('packages/community/certificate/index')
  const code = decodeURIComponent(weapp.current().query.code ?? '')
  expect(code).toMatch(/^FLC-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  await weapp.waitForText('✓ 证书有效，已通过验证')
  await weapp.waitForText(code)
  await weapp.waitForText('自律达人')
  expectHealthy(weapp)
  weapp.close()

  // 我的 -> 我的证书 lists it.
  weapp = await launchWeapp({ apiBase: server.apiBase, token, entry: 'pages/me/index' })
  await weapp.tap('我的证书')
  expect(weapp.current().route).toBe('packages/community/certificates/index')
  await weapp.waitForText(code)
  expectHealthy(weapp)
})
