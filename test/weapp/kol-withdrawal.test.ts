// A KOL's money on the built mini-program, as test/e2e/kol-center.test.ts does it on H5: a new member opens a product
// through Lina's link (?ref=), signs in with WeChat from its 登录后购买 and buys; Lina's 佣金明细 shows the pending
// commission and how the buyer came; seven days on the server's clock it is settled; she withdraws all of it from 提现.
// Each step ends on what the server holds.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(40_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

type Totals = { pendingFen: number; settledFen: number; withdrawableFen: number; withdrawingFen: number }
type Commission = { status: string; buyerNickname: string }

/** One commission row's text: from its buyer's name up to the next row's 购买了 (rows read `X 购买了 Y`). */
function rowOf(app: Weapp, nickname: string): string {
  const text = app.current().text()
  const start = text.indexOf(`${nickname} 购买了`)
  if (start < 0) throw new Error(`no commission row for ${nickname}: ${text}`)
  const next = text.indexOf(' 购买了', start + nickname.length + 4)
  return text.slice(start, next < 0 ? undefined : next)
}

const fen = (amount: number) => `¥${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`

test('a fan buys through the KOL link; the KOL sees the pending commission, its settling, and withdraws it', async () => {
  const kol = await server.persona('kol-distributor')
  const { referralCode } = await server.get<{ referralCode: string }>('/me', kol.token)
  const totals = async () => (await server.get<{ commission: Totals }>('/distribution/overview', kol.token)).commission
  const before = await totals()

  // The friend: a fresh phone, signed out, on the product through Lina's link.
  weapp = await launch({ entry: `packages/orders/product/index?id=p-cleanser&ref=${referralCode}` })
  await weapp.waitForText(`来自推荐码 ${referralCode} 的分享`)
  await weapp.tap('登录后购买')
  expect(weapp.current().route).toBe('packages/auth/sign-in/index')
  await weapp.tap('微信一键登录')
  // Back on the product, still carrying the link's code.
  expect(weapp.current().route).toBe('packages/orders/product/index')
  expect(weapp.current().query.ref).toBe(referralCode)
  await weapp.tap('立即购买（模拟支付）')
  await weapp.waitForText('支付成功')
  const session = JSON.parse(String(weapp.fake.storage.get('fanloop.session'))) as { state: { token: string } }
  const fan = await server.get<{ id: string; nickname: string }>('/me', session.state.token)
  const [order] = (await server.get<{ items: Array<{ status: string }> }>('/orders', session.state.token)).items
  expect(order?.status).toBe('paid')
  const fans = await server.get<{ items: Array<{ member: { id: string }; source: string }> }>(
    '/distribution/fans',
    kol.token,
  )
  expect(fans.items.find((item) => item.member.id === fan.id)?.source).toBe('link')
  const after = await totals()
  expect(after.pendingFen).toBeGreaterThan(before.pendingFen)
  expectHealthy(weapp)
  weapp.close()

  // Lina: 达人中心 → 佣金明细, the fan's commission pending, and how the buyer came.
  weapp = await launch({ token: kol.token, entry: 'packages/distribution/center/index' })
  await weapp.waitForText(`${fen(after.pendingFen)}待结算`)
  await weapp.tap(/^佣金明细$/)
  expect(weapp.current().route).toBe('packages/distribution/commissions/index')
  await weapp.waitForText(fan.nickname)
  expect(rowOf(weapp, fan.nickname)).toContain('待结算')
  expect(rowOf(weapp, fan.nickname)).toContain('粉丝 · 来自链接')
  weapp.close()

  // Seven days on the server's clock: the refund window is over and the commission is settled.
  await server.post('/__mock/clock', { advanceDays: 7 }, kol.token)
  const commissions = await server.get<{ items: Commission[] }>('/distribution/commissions', kol.token)
  expect(commissions.items.find((item) => item.buyerNickname === fan.nickname)?.status).toBe('settled')
  const settled = await totals()
  expect(settled.settledFen).toBeGreaterThan(after.settledFen)
  expect(settled.withdrawableFen).toBeGreaterThan(0)

  weapp = await launch({ token: kol.token, entry: 'packages/distribution/center/index' })
  await weapp.tap(/^佣金明细$/)
  await weapp.waitForText(fan.nickname)
  expect(rowOf(weapp, fan.nickname)).toContain('已结算')
  weapp.close()

  // 达人中心 → 提现: all of what is settled, requested.
  weapp = await launch({ token: kol.token, entry: 'packages/distribution/center/index' })
  await weapp.tap(/^提现$/)
  expect(weapp.current().route).toBe('packages/distribution/withdrawals/index')
  await weapp.waitForText(`可提现 ${fen(settled.withdrawableFen)}`)
  await weapp.tap('全部提现')
  await weapp.tap('提交申请')
  await weapp.waitForText('处理中')
  expect(weapp.fake.toasts).toContain(`已申请提现 ${fen(settled.withdrawableFen)}`)
  const final = await totals()
  expect(final.withdrawingFen).toBe(settled.withdrawableFen)
  expect(final.withdrawableFen).toBe(0)
  const [withdrawal] = (
    await server.get<{ items: Array<{ amountFen: number; status: string }> }>('/distribution/withdrawals', kol.token)
  ).items
  expect(withdrawal).toMatchObject({ amountFen: settled.withdrawableFen, status: 'requested' })
  expectHealthy(weapp)
})
