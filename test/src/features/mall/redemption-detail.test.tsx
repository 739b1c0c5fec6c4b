import Taro from '@tarojs/taro'
import { act, screen, waitFor } from '@testing-library/react'
import { RedemptionDetail } from '@/features/mall/components/redemption-detail'
import { REQUEST_TIMEOUT_MS } from '@/lib/env'
import { formatServerTime } from '@/lib/format'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { balanceOf, ledgerTypes, memberWithPoints, redeem } from './redemption-support'

type Api = ReturnType<typeof installInProcessApi>

// The in-process server migrates and seeds on the first call: seconds on a loaded machine.
jest.setTimeout(20_000)

const status = () => screen.getByTestId('redemption-status').textContent
const cancelCalls = (api: Api) => api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/cancel'))
const refundsIn = (types: string[]) => types.filter((type) => type === 'redemption_cancel').length

describe('RedemptionDetail', () => {
  afterEach(() => jest.restoreAllMocks())

  // One the member cannot see (an old link, another account): it said 内容不存在或已删除 with a 重试 that never helped.
  test('a redemption that is not found says so and leads to 我的兑换', async () => {
    const api = installInProcessApi()
    await memberWithPoints(api)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = renderWithApp(<RedemptionDetail redemptionId='rd-nope' />)
    expect((await screen.findByTestId('empty-state')).textContent).toContain('没有找到这笔兑换')
    expect(screen.queryByTestId('retry')).toBeNull()
    tap(container, 'redemption-gone-to-list')
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/mall/redemptions/index' })
  })

  test('a physical redemption shows its timeline, gift, points and the address it ships to', async () => {
    const api = installInProcessApi()
    const { token, address } = await memberWithPoints(api)
    const redemption = await redeem(api, token, { giftId: 'gift-tote', quantity: 2, addressId: address.id })
    renderWithApp(<RedemptionDetail redemptionId={redemption.id} />)

    await screen.findByTestId('redemption-detail')
    expect(status()).toBe('待发货')
    expect(screen.getByTestId('timeline-placed').getAttribute('data-done')).toBe('true')
    expect(screen.getByTestId('timeline-shipped').getAttribute('data-done')).toBe('false')
    expect(screen.getByTestId('timeline-completed').getAttribute('data-done')).toBe('false')
    expect(screen.getByTestId('redemption-gift-name').textContent).toBe('品牌定制帆布袋')
    expect(screen.getByTestId('redemption-points').textContent).toContain('600')
    expect(screen.getByTestId('redemption-address').textContent).toContain('广东省 深圳市 南山区 科技园南路 88 号')
    expect(screen.queryByTestId('redemption-code')).toBeNull()
    expect(screen.getByTestId('cancel-redemption').textContent).toBe('取消兑换')
    expect(screen.getByTestId('redemption-ship-by').textContent).toBe(
      `预计 ${formatServerTime(redemption.shipBy ?? '')} 前发货`,
    )
  })

  test('made while a plan with priority shipping is in force: 优先发货 and the earlier promise', async () => {
    const api = installInProcessApi()
    const { token, address } = await memberWithPoints(api)
    await api.call('POST', '/memberships/purchase', {
      token,
      body: { planId: 'plan-advanced-monthly', client: 'h5' },
      idempotencyKey: 'plan-priority',
    })
    const redemption = await redeem(api, token, { giftId: 'gift-tote', addressId: address.id })
    expect(redemption.priorityShipping).toBe(true)
    renderWithApp(<RedemptionDetail redemptionId={redemption.id} />)

    const promise = await screen.findByTestId('redemption-ship-by')
    expect(promise.textContent).toBe(`优先发货 · 预计 ${formatServerTime(redemption.shipBy ?? '')} 前发货`)
    expect(Date.parse(redemption.shipBy ?? '') - Date.parse(redemption.createdAt)).toBe(24 * 60 * 60 * 1000)
  })

  test('a virtual redemption shows its code big and copyable, with nothing to cancel', async () => {
    const api = installInProcessApi()
    const { token } = await memberWithPoints(api)
    const redemption = await redeem(api, token, { giftId: 'gift-ebook' })
    expect(redemption.code).toEqual(expect.any(String))
    const clipboard = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
    const { container } = renderWithApp(<RedemptionDetail redemptionId={redemption.id} />)

    expect((await screen.findByTestId('redemption-code')).textContent).toBe(redemption.code)
    expect(status()).toBe('已完成')
    expect(screen.queryByTestId('timeline-shipped')).toBeNull()
    expect(screen.queryByTestId('redemption-address')).toBeNull()
    expect(screen.queryByTestId('cancel-redemption')).toBeNull()
    tap(container, 'copy-code')
    expect(clipboard).toHaveBeenCalledWith({ data: redemption.code })
  })

  test('a coupon gift shows its coupons in the wallet, not a code nobody can use anywhere', async () => {
    const api = installInProcessApi()
    const { token } = await memberWithPoints(api)
    const redemption = await redeem(api, token, { giftId: 'gift-coupon-5', quantity: 2 })
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const { container } = renderWithApp(<RedemptionDetail redemptionId={redemption.id} />)

    expect((await screen.findByTestId('redemption-coupon-wallet')).textContent).toContain('2 张券已放入「我的卡券」')
    expect(screen.queryByTestId('redemption-code')).toBeNull()
    expect(screen.queryByTestId('copy-code')).toBeNull()
    tap(container, 'redemption-coupon-wallet-open')
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/membership/coupons/index' })
  })

  test('cancelling a pending one asks first, then returns its points exactly once', async () => {
    const api = installInProcessApi()
    const { token, address } = await memberWithPoints(api)
    const redemption = await redeem(api, token, { giftId: 'gift-tote', addressId: address.id })
    expect(await balanceOf(api, token)).toBe(1700)
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    const toast = jest.spyOn(Taro, 'showToast')
    const { container } = renderWithApp(<RedemptionDetail redemptionId={redemption.id} />)
    await screen.findByTestId('redemption-detail')

    // Thinking better of it changes nothing.
    tap(container, 'cancel-redemption')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(modal.mock.calls[0]?.[0]?.content).toBe('取消后 300 积分将退回你的账户')
    expect(cancelCalls(api)).toHaveLength(0)

    modal.mockResolvedValueOnce({ confirm: true, cancel: false } as never)
    tap(container, 'cancel-redemption')
    await waitFor(() => expect(status()).toBe('已取消'))
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消，300 积分已退回' }))
    expect(screen.getByTestId('timeline-cancelled').getAttribute('data-done')).toBe('true')
    expect(screen.queryByTestId('cancel-redemption')).toBeNull()
    expect(cancelCalls(api)).toHaveLength(1)
    expect(await balanceOf(api, token)).toBe(2000)
    expect(refundsIn(await ledgerTypes(api, token))).toBe(1)
  })

  test('a 500 while cancelling is not called a failure (it may have gone through); still pending, the retry reuses the key and refunds once', async () => {
    const api = installInProcessApi()
    const { token, address } = await memberWithPoints(api)
    const redemption = await redeem(api, token, { giftId: 'gift-tote', addressId: address.id })
    api.fail('POST', '/cancel', { kind: 'status', status: 500, body: '{"error":{"code":"INTERNAL","message":"down"}}' })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const { container } = renderWithApp(<RedemptionDetail redemptionId={redemption.id} />)
    await screen.findByTestId('redemption-detail')

    tap(container, 'cancel-redemption')
    expect((await screen.findByTestId('cancel-error')).textContent).toBe(
      '网络不稳定，取消结果还不确定。请留意上面的状态：仍是「待发货」就点「重新取消」，积分只会退一次。',
    )
    expect(status()).toBe('待发货')
    expect(await balanceOf(api, token)).toBe(1700)
    await waitFor(() => expect(screen.getByTestId('cancel-redemption').textContent).toBe('重新取消'))

    // The retry is the same intent: no second question, the same key.
    tap(container, 'cancel-redemption')
    await waitFor(() => expect(status()).toBe('已取消'))
    expect(modal).toHaveBeenCalledTimes(1)
    const [first, second] = cancelCalls(api)
    expect(first?.headers.get('Idempotency-Key')).toEqual(expect.any(String))
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'))
    expect(screen.queryByTestId('cancel-error')).toBeNull()
    expect(await balanceOf(api, token)).toBe(2000)
    expect(refundsIn(await ledgerTypes(api, token))).toBe(1)
  })

  test('the answer to a cancel is lost after the server cancelled: no "not cancelled", the re-read shows it cancelled', async () => {
    const api = installInProcessApi()
    const { token, address } = await memberWithPoints(api)
    const redemption = await redeem(api, token, { giftId: 'gift-tote', addressId: address.id })
    api.fail('POST', '/cancel', { kind: 'lost-answer' })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const { container } = renderWithApp(<RedemptionDetail redemptionId={redemption.id} />)
    await screen.findByTestId('redemption-detail')

    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      tap(container, 'cancel-redemption')
      await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
    } finally {
      jest.useRealTimers()
    }
    await waitFor(() => expect(status()).toBe('已取消'))
    expect(screen.queryByTestId('cancel-error')).toBeNull()
    expect(container.textContent).not.toContain('没有取消成功')
    expect(await balanceOf(api, token)).toBe(2000)
    expect(refundsIn(await ledgerTypes(api, token))).toBe(1)
  })

  test('a cancel refused because it shipped meanwhile is said in words and shows the new status', async () => {
    const api = installInProcessApi()
    const { token, address } = await memberWithPoints(api)
    const redemption = await redeem(api, token, { giftId: 'gift-tote', addressId: address.id })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const { container } = renderWithApp(<RedemptionDetail redemptionId={redemption.id} />)
    await screen.findByTestId('redemption-detail')
    expect(status()).toBe('待发货')

    await api.call('POST', '/__mock/clock', { body: { advanceDays: 3 } })
    tap(container, 'cancel-redemption')

    expect((await screen.findByTestId('cancel-error')).textContent).toBe('这笔兑换已经发货或完成，不能再取消了')
    await waitFor(() => expect(status()).toBe('已发货'))
    expect(screen.getByTestId('timeline-shipped').getAttribute('data-done')).toBe('true')
    expect(screen.queryByTestId('cancel-redemption')).toBeNull()
    expect(await balanceOf(api, token)).toBe(1700)
    expect(refundsIn(await ledgerTypes(api, token))).toBe(0)
  })
})
