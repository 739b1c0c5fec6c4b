// The KOL center in the built mini-program (dist/weapp): the seeded KOL's commission, fans and level as the
// server counts them, its way from 我的, and the fans page with refused arrivals.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

const fen = (amount: number) => `¥${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`

type Overview = { fanCount: number; commission: { pendingFen: number; settledFen: number } }

test('kol-distributor goes from 我的 to the KOL center and sees commission, fans and refused arrivals', async () => {
  const { token } = await server.persona('kol-distributor')
  const overview = await server.get<Overview>('/distribution/overview', token)
  weapp = await launch({ token, entry: 'pages/me/index' })
  await weapp.waitForText('你已开通分销，去达人中心看看粉丝和佣金')
  await weapp.tap('达人中心 ›')
  expect(weapp.current().route).toBe('packages/distribution/center/index')

  await weapp.waitForText('推荐码 LINA88')
  const text = weapp.current().text()
  expect(text).toContain(`${fen(overview.commission.pendingFen)}待结算`)
  expect(text).toContain(`${fen(overview.commission.settledFen)}已结算`)
  expect(text).toContain(`粉丝 ${overview.fanCount}`)
  await weapp.waitForText(/验证码 FLC-/)

  await weapp.tap('我的粉丝')
  expect(weapp.current().route).toBe('packages/distribution/fans/index')
  await weapp.waitForText('未绑定的来访')
  await weapp.waitForText(/已绑定其他推荐人|本人的推荐码|对方是你的上级/)
  await weapp.waitForText(/保护期/)
  expectHealthy(weapp)
})

test('a member without the right sees every way to it on 我的', async () => {
  const { token } = await server.persona('new-member')
  weapp = await launch({ token, entry: 'pages/me/index' })
  await weapp.waitForText('输入达人邀请码')
  await weapp.waitForText(/连续签到 \d+\/7 天/)
  await weapp.waitForText('申请开通')
  expectHealthy(weapp)
})
