// Whole flows on the built mini-program: the same taps a member makes, through the real WXML event
// bindings, against the mock over HTTP. Each ends on what the server now holds.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename, { resetEachTest: true })
let weapp: Weapp | undefined

test('WeChat sign-in, then check-in: the member card and the balance change', async () => {
  weapp = await launch()
  await weapp.waitForText('登录后签到领积分、兑换好礼')
  await weapp.tap(/^登录$/)
  expect(weapp.current().route).toBe('packages/auth/sign-in/index')

  await weapp.tap('微信一键登录')
  const signIn = weapp.fake.requests.find((request) => request.url.endsWith('/auth/wechat'))
  expect(signIn?.data).toEqual({ code: expect.stringMatching(/^wx-code-/), installId: expect.any(String) })
  expect(weapp.current().route).toBe('pages/home/index')
  const session = JSON.parse(String(weapp.fake.storage.get('fanloop.session'))) as { state: { token: string } }
  const before = await server.get<{ nickname: string; pointsBalance: number }>('/me', session.state.token)
  await weapp.waitForText(before.nickname)
  await weapp.waitForText(`${before.pointsBalance}积分`)
  await weapp.waitForText('今天签到，开启连签')

  await weapp.tap(/^签到 \+\d+ 积分$/)
  const after = await server.get<{ pointsBalance: number }>('/me', session.state.token)
  expect(after.pointsBalance).toBeGreaterThan(before.pointsBalance)
  await weapp.waitForText(`${after.pointsBalance}积分`)
  await weapp.waitForText('今日已签到')
  await weapp.waitForText('已连续签到 1 天')
  expectHealthy(weapp)
})

test('redeem a virtual gift and see its code', async () => {
  const { token } = await server.persona('kol-distributor')
  const gift = await server.get<{ id: string; name: string; pointsCost: number; kind: string }>('/gifts/gift-ebook')
  expect(gift.kind).toBe('virtual')
  const balance = (await server.get<{ pointsBalance: number }>('/me', token)).pointsBalance
  weapp = await launch({ token, entry: `packages/mall/gift/index?id=${gift.id}` })
  await weapp.waitForText(gift.name)

  await weapp.tap('立即兑换')
  await weapp.tap('确认兑换')
  expect(weapp.current().route).toBe('packages/mall/redeem-result/index')
  const newest = (
    await server.get<{ items: Array<{ id: string; giftId: string; code: string | null }> }>('/redemptions', token)
  ).items[0]
  expect(newest?.giftId).toBe(gift.id)
  expect(newest?.code).toEqual(expect.any(String))
  expect(weapp.current().query.id).toBe(newest?.id)
  await weapp.waitForText('兑换成功')
  await weapp.waitForText(String(newest?.code))
  expect((await server.get<{ pointsBalance: number }>('/me', token)).pointsBalance).toBe(balance - gift.pointsCost)
  expectHealthy(weapp)
})

test("claim this month's coupon, then a product costs that much less", async () => {
  const { token } = await server.persona('kol-distributor')
  weapp = await launch({ token, entry: 'packages/membership/coupons/index' })
  await weapp.tap(/^领取本月 ¥[\d.]+ 礼券$/)
  await weapp.waitForText('本月礼券已领取')
  const monthly = await server.get<{ coupon: { code: string; valueFen: number } }>('/coupons/monthly', token)
  weapp.close()

  weapp = await launch({ token, entry: 'packages/orders/product/index?id=p-serum' })
  // The best coupon is taken off by itself: Lina's level coupon or her plan's, whichever is worth more.
  await weapp.waitForText('实付')
  await weapp.tap('立即购买（模拟支付）')
  await weapp.waitForText('支付成功')
  const [order] = (
    await server.get<{ items: { discountFen: number; couponCode: string | null; amountFen: number }[] }>(
      '/orders',
      token,
    )
  ).items
  expect(order?.discountFen).toBeGreaterThanOrEqual(monthly.coupon.valueFen)
  expect(order?.amountFen).toBe(19900 - (order?.discountFen ?? 0))
  expectHealthy(weapp)
  weapp.close()

  // The wallet shows the coupon the order took as used.
  const wallet = await server.get<{ items: { code: string; status: string; valueFen: number }[] }>('/coupons', token)
  const spent = wallet.items.find((coupon) => coupon.code === order?.couponCode)
  expect(spent).toMatchObject({ status: 'used', valueFen: order?.discountFen })
  weapp = await launch({ token, entry: 'packages/membership/coupons/index' })
  await weapp.waitForText('已使用')
  // A spent row says why it cannot be used, and offers no 去使用.
  const spentRows = weapp.findAll('[class*="coupon--spent"]').map((row) => row.textContent ?? '')
  expect(spentRows).toHaveLength(wallet.items.filter((coupon) => coupon.status !== 'available').length)
  expect(spentRows.find((row) => row.includes('已使用'))).toContain(`¥${((order?.discountFen ?? 0) / 100).toFixed(2)}`)
  expect(spentRows.join('')).not.toContain('去使用')
  expectHealthy(weapp)
})

test('add an address with the region picker', async () => {
  const { token } = await server.persona('kol-distributor')
  const before = (await server.get<{ items: unknown[] }>('/addresses', token)).items.length
  weapp = await launch({ token, entry: 'packages/mall/addresses/index' })
  await weapp.waitForText(`已保存 ${before} / 10 个地址`)

  await weapp.tap('+ 新增收货地址')
  await weapp.waitForText('选择省 / 市 / 区')
  await weapp.type(0, '周小满')
  await weapp.type(1, '13912345678')
  const [picker] = weapp.findAll('wx-picker')
  if (!picker) throw new Error('the address form has no region picker')
  // The native region picker answers with province, city and district names (and codes).
  await weapp.trigger(picker, 'change', {
    value: ['广东省', '广州市', '天河区'],
    code: ['440000', '440100', '440106'],
    postcode: '510000',
  })
  await weapp.waitForText('广东省 广州市 天河区')
  await weapp.type(2, '天河路 385 号 3 楼')
  await weapp.tap(/^保存$/)

  await weapp.waitForText(`已保存 ${before + 1} / 10 个地址`)
  await weapp.waitForText('天河路 385 号 3 楼')
  const saved = (
    await server.get<{ items: Array<{ name: string; phone: string; region: string[]; detail: string }> }>(
      '/addresses',
      token,
    )
  ).items
  expect(saved).toContainEqual(
    expect.objectContaining({
      name: '周小满',
      phone: '13912345678',
      region: ['广东省', '广州市', '天河区'],
      detail: '天河路 385 号 3 楼',
    }),
  )
  expectHealthy(weapp)
})
