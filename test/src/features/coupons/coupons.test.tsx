import Taro from '@tarojs/taro'
import { act, screen, waitFor } from '@testing-library/react'
import type { Coupon } from '@/contract/coupons'
import { MonthlyCouponCard } from '@/features/coupons/components/monthly-coupon-card'
import { bestCoupon } from '@/features/coupons/lib/best-coupon'
import { ProductDetail } from '@/features/distribution/components/product-detail'
import { REQUEST_TIMEOUT_MS } from '@/lib/env'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

/** A signed-in member with this much growth (V2 from 200, V3 from 1000). */
async function memberWithGrowth(api: Api, growth: number): Promise<string> {
  const { token } = await api.signInPersona('new-member')
  if (growth > 0)
    await api.call('POST', '/__mock/grant', { token, body: { growth }, idempotencyKey: `grant-${growth}` })
  useSession.getState().signedIn(token)
  return token
}

const posts = (api: Api, suffix: string) =>
  api.sent.filter((call) => call.method === 'POST' && call.path.endsWith(suffix))
const walletOf = async (api: Api, token: string) =>
  (await api.call('GET', '/coupons', { token })).json.items as Coupon[]
const cardStatus = () => screen.getByTestId('monthly-coupon-card').getAttribute('data-status')

/** Taps while the answer is lost: the client gives up after its timeout (fake timers run it at once). */
async function tapAndTimeOut(container: HTMLElement, testId: string): Promise<void> {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
  try {
    tap(container, testId)
    await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
  } finally {
    jest.useRealTimers()
  }
}

let showToast: jest.SpyInstance
beforeEach(() => {
  showToast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})
afterEach(() => jest.restoreAllMocks())

describe('MonthlyCouponCard', () => {
  test('a V1 member is told which level gives one and what it is worth, with nothing to claim', async () => {
    const api = installInProcessApi()
    await memberWithGrowth(api, 0)
    renderWithApp(<MonthlyCouponCard />)
    expect((await screen.findByTestId('monthly-coupon-status')).textContent).toBe(
      '升级到 V2 活跃会员 每月可领 ¥5.00 无门槛券',
    )
    expect(cardStatus()).toBe('not_eligible')
    expect(screen.queryByTestId('claim-monthly-coupon')).toBeNull()
  })

  test("a V3 member claims this month's ¥10 coupon with one tap; the card then says it is claimed", async () => {
    const api = installInProcessApi()
    const token = await memberWithGrowth(api, 1000)
    const { container } = renderWithApp(<MonthlyCouponCard />)
    expect((await screen.findByTestId('claim-monthly-coupon')).textContent).toBe('领取本月 ¥10.00 礼券')
    tap(container, 'claim-monthly-coupon')
    await waitFor(() => expect(cardStatus()).toBe('claimed'))
    const [coupon] = await walletOf(api, token)
    expect(screen.getByTestId('monthly-coupon-status').textContent).toBe(
      `✓ 本月礼券已领取 · ¥10.00 · 有效期至 ${coupon?.validUntil}`,
    )
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '¥10.00 礼券已放入卡券包' }))
  })

  test('a claim whose answer was lost: the card shows what the server kept, one coupon', async () => {
    const api = installInProcessApi()
    const token = await memberWithGrowth(api, 200)
    const { container } = renderWithApp(<MonthlyCouponCard />)
    await screen.findByTestId('claim-monthly-coupon')
    api.fail('POST', '/coupons/monthly/claim', { kind: 'lost-answer' })
    await tapAndTimeOut(container, 'claim-monthly-coupon')
    // The card refetched after the unanswered claim: the server kept it.
    await waitFor(() => expect(cardStatus()).toBe('claimed'))
    expect(await walletOf(api, token)).toHaveLength(1)
    expect(posts(api, '/coupons/monthly/claim')).toHaveLength(1)
  })
})

describe('the product page takes the best coupon off', () => {
  test('offered by itself; choosing none pays the full price; the order says what was taken off', async () => {
    const api = installInProcessApi()
    const token = await memberWithGrowth(api, 1000)
    await api.call('POST', '/coupons/monthly/claim', { token, idempotencyKey: 'claim-1' })
    const sheet = jest.spyOn(Taro, 'showActionSheet').mockResolvedValue({ tapIndex: 0, errMsg: 'ok' } as never)
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode={null} postId={null} />)
    const choice = await screen.findByTestId('coupon-choice')
    expect(choice.textContent).toBe('优惠券-¥10.00 ›')
    expect(screen.getByTestId('coupon-payable').textContent).toBe('实付 ¥189.00已减 ¥10.00')

    // 不使用优惠券, then back to the coupon (the sheet's second item).
    tap(container, 'coupon-choice')
    await waitFor(() => expect(screen.queryByTestId('coupon-payable')).toBeNull())
    expect(sheet.mock.calls[0]?.[0]?.itemList).toEqual(['不使用优惠券', expect.stringMatching(/^减 ¥10\.00 · /)])
    sheet.mockResolvedValue({ tapIndex: 1, errMsg: 'ok' } as never)
    tap(container, 'coupon-choice')
    await screen.findByTestId('coupon-payable')

    tap(container, 'product-buy')
    expect((await screen.findByTestId('order-paid')).textContent).toContain('已用券减 ¥10.00')
    // The points of what was paid wait out the refund window: "积分 +189" alone sent members to a balance without them.
    expect(screen.getByTestId('order-points').textContent).toBe('积分 +189，7 天后到账')
    const [order] = posts(api, '/orders')
    expect(order?.body).toMatchObject({ productId: 'p-serum', couponCode: expect.stringMatching(/^LC/) })
    // Spent: nothing left to offer.
    await waitFor(() => expect(screen.queryByTestId('coupon-choice')).toBeNull())
  })

  test('a wallet that could not be read says so with a retry, and the coupon is taken off once it answers', async () => {
    const api = installInProcessApi()
    const token = await memberWithGrowth(api, 1000)
    await api.call('POST', '/coupons/monthly/claim', { token, idempotencyKey: 'claim-1' })
    // The app's query client retries reads; the tests' does not (test/support/render-app.tsx): one failure is enough.
    api.fail('GET', '/coupons', { kind: 'status', status: 503 })
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode={null} postId={null} />)
    const failed = await screen.findByTestId('coupon-choice-failed')
    expect(failed.textContent).toBe('优惠券没加载出来，点此重试 ›')
    tap(container, 'coupon-choice-failed')
    expect((await screen.findByTestId('coupon-choice')).textContent).toBe('优惠券-¥10.00 ›')
  })

  test('the buy button waits for the wallet: buying before it answered would skip the coupon', async () => {
    const api = installInProcessApi()
    const token = await memberWithGrowth(api, 1000)
    await api.call('POST', '/coupons/monthly/claim', { token, idempotencyKey: 'claim-1' })
    api.fail('GET', '/coupons', { kind: 'hang' })
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode={null} postId={null} />)
    const buy = await screen.findByTestId('product-buy')
    expect(buy.getAttribute('aria-disabled')).toBe('true')
    tap(container, 'product-buy')
    expect(posts(api, '/orders')).toHaveLength(0)
  })

  test('an order whose answer was lost is retried as it was (same coupon, same key): paid once', async () => {
    const api = installInProcessApi()
    const token = await memberWithGrowth(api, 1000)
    await api.call('POST', '/coupons/monthly/claim', { token, idempotencyKey: 'claim-1' })
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode={null} postId={null} />)
    await screen.findByTestId('coupon-payable')
    api.fail('POST', '/orders', { kind: 'lost-answer' })
    await tapAndTimeOut(container, 'product-buy')
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('支付结果未知') }))

    tap(container, 'product-buy')
    await screen.findByTestId('order-paid')
    const [first, second] = posts(api, '/orders')
    expect(second?.headers.get('idempotency-key')).toBe(first?.headers.get('idempotency-key'))
    expect(second?.body).toEqual(first?.body)
    const orders = (await api.call('GET', '/orders', { token })).json.items as unknown[]
    expect(orders).toHaveLength(1)
  })
})

describe('a coupon spent elsewhere meanwhile', () => {
  test('the refusal says why and that nothing was ordered; the wallet is read again and buying again pays in full', async () => {
    const api = installInProcessApi()
    const token = await memberWithGrowth(api, 1000)
    await api.call('POST', '/coupons/monthly/claim', { token, idempotencyKey: 'claim-1' })
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode={null} postId={null} />)
    await screen.findByTestId('coupon-payable')
    // The same member spends it on another phone before tapping 购买 here.
    const [coupon] = await walletOf(api, token)
    await api.call('POST', '/orders', {
      token,
      body: { productId: 'p-giftbox', couponCode: coupon?.code },
      idempotencyKey: 'other-phone',
    })

    tap(container, 'product-buy')
    await waitFor(() =>
      expect(showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '这张券已经用过了，没有下单。已为你重新选券，请再确认一次' }),
      ),
    )
    await waitFor(() => expect(screen.queryByTestId('coupon-choice')).toBeNull())
    tap(container, 'product-buy')
    expect((await screen.findByTestId('order-paid')).textContent).toContain('¥199.00')
    expect(((await api.call('GET', '/orders', { token })).json.items as unknown[]).length).toBe(2)
  })
})

describe('bestCoupon', () => {
  const coupon = (
    code: string,
    valueFen: number,
    validUntil: string,
    status: Coupon['status'] = 'available',
    minSpendFen = 0,
  ): Coupon => ({
    code,
    source: 'level',
    valueFen,
    minSpendFen,
    validFrom: '2026-11-01',
    validUntil,
    status,
    orderId: null,
  })

  test('the biggest discount, then the soonest to expire; only available ones; none that takes nothing off', () => {
    const coupons = [
      coupon('A', 500, '2026-11-20'),
      coupon('B', 1000, '2026-12-20'),
      coupon('C', 1000, '2026-12-01'),
      coupon('D', 5000, '2026-12-01', 'used'),
    ]
    expect(bestCoupon(coupons, 19900)?.code).toBe('C')
    // On 4 yuan every coupon takes 3.99 off: the soonest to expire.
    expect(bestCoupon(coupons, 400)?.code).toBe('A')
    expect(bestCoupon(coupons, 1)).toBeNull()
    expect(bestCoupon([], 19900)).toBeNull()
  })

  test('a coupon with a minimum counts only from that amount', () => {
    const coupons = [coupon('A', 500, '2026-12-20'), coupon('M', 2000, '2026-12-20', 'available', 19900)]
    expect(bestCoupon(coupons, 19899)?.code).toBe('A')
    expect(bestCoupon(coupons, 19900)?.code).toBe('M')
  })
})
