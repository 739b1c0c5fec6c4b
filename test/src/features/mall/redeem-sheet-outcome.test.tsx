import Taro from '@tarojs/taro'
import { act, screen, waitFor } from '@testing-library/react'
import { GiftDetailView } from '@/features/mall/components/gift-detail-view'
import { REQUEST_TIMEOUT_MS } from '@/lib/env'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { balanceOf, memberWithPoints } from './redemption-support'

type Api = ReturnType<typeof installInProcessApi>

const UNKNOWN =
  '网络不稳定，兑换结果还不确定，可能已经兑换成功。请先到「我的兑换」查看；如果没有这笔兑换，再点「确认兑换」，不会重复扣积分。'

const redeemPosts = (api: Api) =>
  api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/redemptions'))
const redemptionCount = async (api: Api, token: string) =>
  ((await api.call('GET', '/redemptions', { token })).json.items as unknown[]).length

async function openSheet(container: HTMLElement): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('redeem-button').textContent).toBe('立即兑换'))
  tap(container, 'redeem-button')
  await screen.findByTestId('redeem-sheet')
}

/** Confirms while the answer is lost: the client gives up after its timeout (fake timers run it at once). */
async function confirmAndTimeOut(container: HTMLElement): Promise<void> {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
  try {
    tap(container, 'redeem-confirm')
    await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
  } finally {
    jest.useRealTimers()
  }
}

describe('RedeemSheet: an answer that never came is "not known yet", never "failed"', () => {
  afterEach(() => jest.restoreAllMocks())

  test('a lost answer says the outcome is not known and how to check, not that it failed', async () => {
    const api = installInProcessApi()
    const { token } = await memberWithPoints(api)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    api.fail('POST', '/redemptions', { kind: 'lost-answer' })
    const { container } = renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    await openSheet(container)
    await confirmAndTimeOut(container)

    expect((await screen.findByTestId('redeem-unknown-text')).textContent).toBe(UNKNOWN)
    expect(screen.queryByTestId('redeem-error')).toBeNull()
    expect(container.textContent).not.toContain('兑换没成功')
    // It was redeemed: the server spent the points once.
    expect(await balanceOf(api, token)).toBe(2000 - 150)
    tap(container, 'redeem-check')
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/mall/redemptions/index' })
  })

  test('closing the sheet and confirming the same gift again replays the first redemption: one redemption, spent once', async () => {
    const api = installInProcessApi()
    const { token } = await memberWithPoints(api)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    api.fail('POST', '/redemptions', { kind: 'lost-answer' })
    const { container } = renderWithApp(<GiftDetailView giftId='gift-coupon-5' />)
    await openSheet(container)
    await confirmAndTimeOut(container)
    await screen.findByTestId('redeem-unknown')

    tap(container, 'redeem-cancel')
    await waitFor(() => expect(screen.queryByTestId('redeem-sheet')).toBeNull())
    await openSheet(container)
    // The new sheet still knows the same choices wait for an answer.
    expect(screen.getByTestId('redeem-unknown-text').textContent).toBe(UNKNOWN)
    tap(container, 'redeem-confirm')

    await waitFor(() => expect(redirect).toHaveBeenCalledTimes(1))
    const [first, second] = redeemPosts(api)
    expect(redeemPosts(api)).toHaveLength(2)
    expect(second?.headers.get('idempotency-key')).toBe(first?.headers.get('idempotency-key'))
    expect(await redemptionCount(api, token)).toBe(1)
    expect(await balanceOf(api, token)).toBe(2000 - 200)
  })

  test('a refusal is still said as a refusal, and it is final: confirming again after it is a new redemption', async () => {
    const api = installInProcessApi()
    const { token } = await memberWithPoints(api)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = renderWithApp(<GiftDetailView giftId='gift-coupon-20' />)
    await openSheet(container)
    tap(container, 'quantity-increase')
    await waitFor(() => expect(screen.getByTestId('quantity').textContent).toBe('2'))
    // Only one left by the time the member confirms two (the sheet still lets them try: the server decides).
    await api.call('PATCH', '/__mock/gifts/gift-coupon-20', { body: { stock: 1 } })
    tap(container, 'redeem-confirm')

    expect((await screen.findByTestId('redeem-error')).textContent).toBe('兑换没成功：已经兑完了')
    expect(screen.queryByTestId('redeem-unknown')).toBeNull()
    expect(await balanceOf(api, token)).toBe(2000)

    // Restocked while the sheet is open: the refused key would only replay the refusal; a new one redeems.
    await api.call('PATCH', '/__mock/gifts/gift-coupon-20', { body: { stock: 10 } })
    await waitFor(() => expect(screen.getByTestId('redeem-confirm').getAttribute('aria-disabled')).toBe('false'))
    tap(container, 'redeem-confirm')
    await waitFor(() => expect(redirect).toHaveBeenCalledTimes(1))
    const [first, second] = redeemPosts(api)
    expect(second?.headers.get('idempotency-key')).not.toBe(first?.headers.get('idempotency-key'))
    expect(await redemptionCount(api, token)).toBe(1)
    expect(await balanceOf(api, token)).toBe(2000 - 1200)
  })
})
