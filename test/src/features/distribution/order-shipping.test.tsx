import Taro from '@tarojs/taro'
import { screen, waitFor, within } from '@testing-library/react'
import type { Order } from '@/contract/orders'
import { OrderList } from '@/features/distribution/components/order-list'
import { formatServerTime } from '@/lib/format'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// The in-process server migrates and seeds on the first call: seconds on a loaded machine.
const LONG = { timeout: 8000 }
jest.setTimeout(30_000)

describe('我的订单: the promised shipping', () => {
  test('an order made with priority shipping says 优先发货 and its earlier time; the plan itself ships nothing', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const before = (await api.call('POST', '/orders', { token, body: { productId: 'p-serum' }, idempotencyKey: 'o-1' }))
      .json as Order
    const plan = await api.call('POST', '/memberships/purchase', {
      token,
      body: { planId: 'plan-advanced-monthly', client: 'h5' },
      idempotencyKey: 'plan-1',
    })
    expect(plan.status).toBe(201)
    const after = (await api.call('POST', '/orders', { token, body: { productId: 'p-serum' }, idempotencyKey: 'o-2' }))
      .json as Order
    renderWithApp(<OrderList />)

    const priority = await screen.findByTestId(`order-${after.id}`, {}, LONG)
    expect(within(priority).getByTestId('order-ship-by').textContent).toBe(
      `优先发货 · 预计 ${formatServerTime(after.shipBy ?? '')} 前发货`,
    )
    const normal = screen.getByTestId(`order-${before.id}`)
    expect(within(normal).getByTestId('order-ship-by').textContent).toBe(
      `预计 ${formatServerTime(before.shipBy ?? '')} 前发货`,
    )
    const planOrder = (plan.json as { order: Order }).order
    expect(within(screen.getByTestId(`order-${planOrder.id}`)).queryByTestId('order-ship-by')).toBeNull()

    // Refunding the plan says what it takes back, its unspent check-in bonus included; kept here.
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true } as never)
    tap(document.body, `order-refund-${planOrder.id}`)
    await waitFor(() => expect(modal).toHaveBeenCalled())
    expect(modal.mock.calls[0]?.[0]?.content).toContain('签到加成中还没用掉的积分')
    tap(document.body, `order-refund-${after.id}`)
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    expect(modal.mock.calls[1]?.[0]?.content).not.toContain('签到加成')
    modal.mockRestore()
  })
})

describe('我的订单: where the parcel is, by the server’s clock', () => {
  // Every paid order said 预计 X 前发货, also long after X: the server now says where the parcel is.
  test('待发货 with its ship-by time, then 已发货 with the time, then 已完成; a plan’s order ships nothing', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const buy = async (key: string) =>
      (await api.call('POST', '/orders', { token, body: { productId: 'p-serum' }, idempotencyKey: key })).json as Order
    const first = await buy('o-1')
    await api.call('POST', '/__mock/clock', { body: { advanceDays: 8 } })
    const second = await buy('o-2')
    await api.call('POST', '/__mock/clock', { body: { advanceHours: 48 } })
    const third = await buy('o-3')
    renderWithApp(<OrderList />)

    const pending = await screen.findByTestId(`order-${third.id}`, {}, LONG)
    expect(within(pending).getByTestId('order-status').textContent).toBe('待发货')
    expect(within(pending).getByTestId('order-ship-by').textContent).toBe(
      `预计 ${formatServerTime(third.shipBy ?? '')} 前发货`,
    )

    const shipped = screen.getByTestId(`order-${second.id}`)
    expect(within(shipped).getByTestId('order-status').textContent).toBe('已发货')
    expect(within(shipped).getByTestId('order-shipped-at').textContent).toBe(
      `已于 ${formatServerTime(second.shipBy ?? '')} 发货`,
    )
    expect(within(shipped).queryByTestId('order-ship-by')).toBeNull()
    // Still inside its refund window: a shipped order can be refunded (domain-rules.md: the 7-day window).
    expect(within(shipped).getByTestId(`order-refund-${second.id}`)).toBeTruthy()

    const done = screen.getByTestId(`order-${first.id}`)
    const firstNow = (await api.call('GET', `/orders/${first.id}`, { token })).json as Order
    expect(Date.parse(firstNow.completedAt ?? '') - Date.parse(first.shipBy ?? '')).toBe(7 * 24 * 60 * 60 * 1000)
    expect(within(done).getByTestId('order-status').textContent).toBe('已完成')
    expect(within(done).getByTestId('order-completed-at').textContent).toBe(
      `${formatServerTime(first.shipBy ?? '')} 发货 · ${formatServerTime(firstNow.completedAt ?? '')} 已完成`,
    )
    expect(within(done).queryByTestId('order-ship-by')).toBeNull()
    expect(done.textContent).not.toContain('预计')
  })
})

describe('我的订单: a refund whose answer never came', () => {
  test('says the result is not known yet; asked again it replays with the same key: refunded once', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    // A 502 says nothing of what the server did (a proxy may answer after it refunded): not known, not failed.
    const order = (await api.call('POST', '/orders', { token, body: { productId: 'p-serum' }, idempotencyKey: 'o-1' }))
      .json as Order
    renderWithApp(<OrderList />)
    await screen.findByTestId(`order-${order.id}`, {}, LONG)
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    api.fail('POST', `/orders/${order.id}/refund`, { kind: 'status', status: 502 })
    tap(document.body, `order-refund-${order.id}`)
    await waitFor(() => expect(screen.getByTestId(`order-${order.id}`).textContent).toContain('退款结果还不确定'), LONG)

    tap(document.body, `order-refund-${order.id}`)
    const refunds = () => api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/refund'))
    await waitFor(() => expect(refunds()).toHaveLength(2), LONG)
    expect(refunds()[1]?.headers.get('idempotency-key')).toBe(refunds()[0]?.headers.get('idempotency-key'))
    await waitFor(async () => {
      const now = (await api.call('GET', `/orders/${order.id}`, { token })).json as Order
      expect(now.status).toBe('refunded')
    }, LONG)
    jest.restoreAllMocks()
  })
})

describe('我的订单: refunding an order a coupon was spent on', () => {
  // The confirmation listed what the refund takes back and said nothing of the coupon, which the server gives back.
  test('says the coupon goes back to 我的卡券, and it does', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    await api.call('POST', '/__mock/grant', { token, body: { growth: 1000 }, idempotencyKey: 'grant-growth' })
    await api.call('POST', '/coupons/monthly/claim', { token, idempotencyKey: 'claim-1' })
    const [coupon] = ((await api.call('GET', '/coupons', { token })).json as { items: { code: string }[] }).items
    const order = (
      await api.call('POST', '/orders', {
        token,
        body: { productId: 'p-serum', couponCode: coupon?.code },
        idempotencyKey: 'o-coupon',
      })
    ).json as Order
    expect(order.discountFen).toBe(1000)
    useSession.getState().signedIn(token)
    renderWithApp(<OrderList />)
    await screen.findByTestId(`order-${order.id}`, {}, LONG)
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    tap(document.body, `order-refund-${order.id}`)
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(modal.mock.calls[0]?.[0]?.content).toBe(
      '退款 ¥189.00，订单赠送的积分、成长值（以及推荐人的佣金，如有）将一并收回；用掉的优惠券退回「我的卡券」，过期的不能再用',
    )
    await waitFor(async () => {
      const wallet = (await api.call('GET', '/coupons', { token })).json as { items: { status: string }[] }
      expect(wallet.items.map((item) => item.status)).toEqual(['available'])
    }, LONG)
    jest.restoreAllMocks()
  })
})

describe('我的订单: the refund window, by the server’s clock', () => {
  afterEach(() => jest.restoreAllMocks())

  // 申请退款 and "X 前可退款" stayed after X had passed, and the server then refused with 已超过可退款时间.
  test('an order past its window (the server’s clock moved) offers no refund and says when the window closed', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const order = (await api.call('POST', '/orders', { token, body: { productId: 'p-serum' }, idempotencyKey: 'o-1' }))
      .json as Order
    await api.call('POST', '/__mock/clock', { body: { advanceDays: 8 } })
    renderWithApp(<OrderList />)

    const row = await screen.findByTestId(`order-${order.id}`, {}, LONG)
    expect(within(row).queryByTestId(`order-refund-${order.id}`)).toBeNull()
    expect(within(row).getByTestId('order-refund-closed').textContent).toBe(
      `退款期已于 ${formatServerTime(order.refundableUntil)} 结束`,
    )
    expect(row.textContent).not.toContain('前可退款')
  })

  test('a window that closed while the list was open: the refusal re-reads the order, takes the button away, says why', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const order = (await api.call('POST', '/orders', { token, body: { productId: 'p-serum' }, idempotencyKey: 'o-1' }))
      .json as Order
    renderWithApp(<OrderList />)
    await screen.findByTestId(`order-refund-${order.id}`, {}, LONG)

    await api.call('POST', '/__mock/clock', { body: { advanceDays: 8 } })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    tap(document.body, `order-refund-${order.id}`)
    const row = screen.getByTestId(`order-${order.id}`)
    await waitFor(() => expect(within(row).queryByTestId(`order-refund-${order.id}`)).toBeNull(), LONG)
    expect(within(row).getByRole('alert').textContent).toBe('已超过可退款时间')
    expect(within(row).getByTestId('order-refund-closed')).toBeTruthy()
    // Not refunded: the badge still says where the parcel is (shipped 2 days after it was bought).
    expect(within(row).getByTestId('order-status').textContent).toBe('已发货')
  })
})

describe('我的订单: a refunded order', () => {
  // A bare 已退款 said neither when nor whether the points and growth the order gave went with it.
  test('says when it was refunded and that what it gave was taken back, and offers nothing more', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const order = (await api.call('POST', '/orders', { token, body: { productId: 'p-serum' }, idempotencyKey: 'o-1' }))
      .json as Order
    const refunded = (await api.call('POST', `/orders/${order.id}/refund`, { token, idempotencyKey: 'r-1' }))
      .json as Order
    renderWithApp(<OrderList />)

    const row = await screen.findByTestId(`order-${order.id}`, {}, LONG)
    expect(within(row).getByTestId('order-status').textContent).toBe('已退款')
    expect(within(row).getByTestId('order-refunded-at').textContent).toBe(
      `已于 ${formatServerTime(refunded.refundedAt ?? '')} 退款，赠送的积分和成长值已收回`,
    )
    expect(within(row).queryByTestId(`order-refund-${order.id}`)).toBeNull()
    expect(within(row).queryByTestId('order-refund-closed')).toBeNull()
  })
})
