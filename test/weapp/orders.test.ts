// Buying and refunding on the built mini-program, as test/e2e/orders.test.ts does it on H5: a member buys a product,
// opens 我的订单 from the product page, refunds it there (WeChat's modal confirmed); an order past its window by the
// server's clock (moved, the phone's stays) offers no refund, says when the window closed and that it has shipped.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

type Order = {
  id: string
  status: string
  itemName: string
  amountFen: number
  shipBy: string | null
  refundedAt: string | null
  refundableUntil: string
}

/** The server's instant as the app shows it (src/lib/format.ts formatServerTime). */
const shown = (iso: string | null) => (iso ?? '').slice(0, 16).replace('T', ' ')

test('buy, then refund in 我的订单; past the window by the server’s clock no refund is offered', async () => {
  const { token } = await server.persona('new-member')
  const ordersOf = async () => (await server.get<{ items: Order[] }>('/orders?limit=50', token)).items
  expect(await ordersOf()).toEqual([])

  weapp = await launch({ token, entry: 'packages/orders/product/index?id=p-cleanser' })
  await weapp.tap('立即购买（模拟支付）')
  // The first purchase of the file waits on a cold server path; 5 s was once too short on a busy machine.
  await weapp.waitForText('支付成功', 15_000)
  await weapp.waitForText('再买一单')
  const [order] = await ordersOf()
  expect(order).toMatchObject({ status: 'paid', refundedAt: null })
  expect(await ordersOf()).toHaveLength(1)

  // 查看订单 → 我的订单: not shipped yet, and by when it ships; refund it there.
  await weapp.tap('查看订单')
  expect(weapp.current().route).toBe('packages/orders/orders/index')
  await weapp.waitForText(`预计 ${shown(order?.shipBy ?? null)} 前发货`)
  await weapp.waitForText('待发货')
  await weapp.waitForText(`${shown(order?.refundableUntil ?? null)} 前可退款`)
  await weapp.tap('申请退款')
  expect(weapp.fake.toasts.some((toast) => toast.startsWith('退款 ¥'))).toBe(true)
  await weapp.waitForText(/已于 \d{4}-\d\d-\d\d \d\d:\d\d 退款，赠送的积分和成长值已收回/)
  const [refunded] = await ordersOf()
  expect(refunded).toMatchObject({ id: order?.id, status: 'refunded', refundedAt: expect.any(String) })
  await weapp.waitForText(`已于 ${shown(refunded?.refundedAt ?? null)} 退款`)
  expect(weapp.current().text()).not.toContain('申请退款')
  weapp.close()

  // Another order, then the server's clock moves 8 days on: the window is over by the server, not by the phone.
  await server.post('/orders', { productId: 'p-cleanser' }, token)
  await server.post('/__mock/clock', { advanceDays: 8 }, token)
  const second = (await ordersOf()).find((item) => item.status === 'paid')
  expect(second).toBeDefined()
  weapp = await launch({ token, entry: 'packages/orders/orders/index' })
  await weapp.waitForText(`退款期已于 ${shown(second?.refundableUntil ?? null)} 结束`)
  await weapp.waitForText(`已于 ${shown(second?.shipBy ?? null)} 发货`)
  const text = weapp.current().text()
  expect(text).toContain('已发货')
  expect(text).not.toContain('申请退款')
  expect(text).not.toContain('前发货')
  expectHealthy(weapp)
})
