import Taro from '@tarojs/taro'
import { act, screen, waitFor } from '@testing-library/react'
import { GiftDetailView } from '@/features/mall/components/gift-detail-view'
import { REQUEST_TIMEOUT_MS } from '@/lib/env'
import SignInPage from '@/packages/auth/sign-in/index'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { setRouterParams } from '../../../support/taro-shim'

type Api = ReturnType<typeof installInProcessApi>

async function memberWith(api: Api, points: number): Promise<string> {
  const { token } = await api.signInPersona('new-member')
  if (points > 0)
    await api.call('POST', '/__mock/grant', { token, body: { points }, idempotencyKey: `grant-${points}` })
  useSession.getState().signedIn(token)
  return token
}

const UNKNOWN =
  '网络不稳定，兑换结果还不确定，可能已经兑换成功。请先到「我的兑换」查看；如果没有这笔兑换，再点「确认兑换」，不会重复扣积分。'
const buttonText = async () => (await screen.findByTestId('redeem-button')).textContent
const redeemPosts = (api: Api) =>
  api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/redemptions'))

describe('GiftDetailView: the redeem button says why it is off', () => {
  afterEach(() => jest.restoreAllMocks())

  test('a visitor is asked to sign in', async () => {
    installInProcessApi()
    renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    expect(await buttonText()).toBe('登录后兑换')
  })

  test('a visitor signs in from a gift and comes back to the same gift, its id kept', async () => {
    const api = installInProcessApi()
    const gift = '/packages/mall/gift/index?id=gift-tote'
    // The gift's page as H5 shows it: the id in the address bar, none in the options Taro's router gives the page.
    window.history.replaceState(null, '', gift)
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: 'packages/mall/gift/index', options: {} }] as never)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    try {
      const { container, unmount } = renderWithApp(<GiftDetailView giftId='gift-tote' />)
      expect(await buttonText()).toBe('登录后兑换')
      tap(container, 'redeem-button')
      const signInUrl = String(navigate.mock.calls[0]?.[0]?.url)
      expect(signInUrl).toBe(`/packages/auth/sign-in/index?returnTo=${encodeURIComponent(gift)}`)
      unmount()

      // The sign-in page, opened with that URL's query (Taro's H5 router leaves it encoded), once signed in.
      setRouterParams({ returnTo: signInUrl.split('returnTo=')[1] ?? '' })
      await memberWith(api, 0)
      renderWithApp(<SignInPage />)
      await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: gift }))
    } finally {
      setRouterParams({})
      window.history.replaceState(null, '', '/')
    }
  })

  test('not enough points says how many more', async () => {
    const api = installInProcessApi()
    await memberWith(api, 100)
    renderWithApp(<GiftDetailView giftId='gift-tote' />)
    expect(await buttonText()).toBe('积分不足，还差 200 积分')
  })

  test('a level too low names the level from the config', async () => {
    const api = installInProcessApi()
    await memberWith(api, 99999)
    renderWithApp(<GiftDetailView giftId='gift-serum-full' />)
    await waitFor(async () => expect(await buttonText()).toBe('V3 资深会员 可兑，先去升级吧'))
  })

  test('sold out', async () => {
    const api = installInProcessApi()
    await memberWith(api, 5000)
    renderWithApp(<GiftDetailView giftId='gift-badge' />)
    expect(await buttonText()).toBe('已兑完')
  })
})

describe('GiftDetailView: a gift that is gone', () => {
  afterEach(() => jest.restoreAllMocks())

  // An old shared link to a gift taken off the mall: 重试 could never bring it back, so the page said a dead end.
  test('a gift that does not exist says so in plain words and leads back to the mall', async () => {
    const api = installInProcessApi()
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = renderWithApp(<GiftDetailView giftId='nonexistent' />)
    expect((await screen.findByTestId('empty-state')).textContent).toContain('这件礼品已下架或不存在')
    expect(screen.queryByTestId('retry')).toBeNull()
    expect(api.sent.filter((call) => call.path.endsWith('/gifts/nonexistent'))).toHaveLength(1)
    tap(container, 'back-to-mall')
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mall/index' })
  })

  test('a network failure is not called gone: it still offers 重试, and the retry shows the gift', async () => {
    const api = installInProcessApi()
    api.fail('GET', '/gifts/gift-ebook', { kind: 'network' })
    const { container } = renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    await screen.findByTestId('error-state')
    expect(screen.queryByTestId('back-to-mall')).toBeNull()
    tap(container, 'retry')
    expect(await buttonText()).toBe('登录后兑换')
  })
})

describe('GiftDetailView: the member could not be read', () => {
  // The page waited for the member (balance, level) behind a skeleton that never ended when that read failed.
  test('says so with 重试, and the retry brings the redeem button', async () => {
    const api = installInProcessApi()
    await memberWith(api, 1000)
    api.fail('GET', '/me', { kind: 'network' })
    const { container } = renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    await screen.findByTestId('error-state')
    tap(container, 'retry')
    expect(await buttonText()).toBe('立即兑换')
  })
})

describe('GiftDetailView: redeeming', () => {
  afterEach(() => jest.restoreAllMocks())

  test('a virtual gift redeems once and goes to the result with its id', async () => {
    const api = installInProcessApi()
    const token = await memberWith(api, 1000)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    await screen.findByTestId('redeem-button')
    tap(container, 'redeem-button')
    await screen.findByTestId('redeem-sheet')
    expect(screen.getByTestId('redeem-total').textContent).toBe('共 150 积分')
    tap(container, 'redeem-confirm')
    tap(container, 'redeem-confirm')
    await waitFor(() => expect(redirect).toHaveBeenCalledTimes(1))
    expect(redirect.mock.calls[0]?.[0]?.url).toMatch(/^\/packages\/mall\/redeem-result\/index\?id=/)
    expect(redeemPosts(api)).toHaveLength(1)
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(1000 - 150)
  })

  test('a virtual gift is one per redemption: the stepper stays at 1 and the sheet says why', async () => {
    const api = installInProcessApi()
    await memberWith(api, 1000)
    // The e-book's limit is 2 and the member can afford both: only the one-code-per-redemption rule holds it at 1.
    const { container } = renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    await screen.findByTestId('redeem-button')
    tap(container, 'redeem-button')
    await screen.findByTestId('redeem-sheet')
    tap(container, 'quantity-increase')
    expect(screen.getByTestId('quantity').textContent).toBe('1')
    expect(screen.getByTestId('redeem-total').textContent).toBe('共 150 积分')
    expect(screen.getByTestId('one-code-each').textContent).toBe('虚拟权益每次兑换 1 份，每份有自己的兑换码')
  })

  test('sold out meanwhile: the refusal is said in the sheet and nothing is spent', async () => {
    const api = installInProcessApi()
    const token = await memberWith(api, 1000)
    const { container } = renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    await screen.findByTestId('redeem-button')
    tap(container, 'redeem-button')
    await screen.findByTestId('redeem-sheet')
    // Someone else took the last one while this member was deciding.
    await api.call('PATCH', '/__mock/gifts/gift-ebook', { body: { stock: 0 } })
    tap(container, 'redeem-confirm')
    expect((await screen.findByTestId('redeem-error')).textContent).toBe('兑换没成功：已经兑完了')
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(1000)
  })

  test('a 500 is not called a failure (it may have gone through); the retry reuses the key and redeems once', async () => {
    const api = installInProcessApi()
    const token = await memberWith(api, 1000)
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    api.fail('POST', '/redemptions', {
      kind: 'status',
      status: 500,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    const { container } = renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    await screen.findByTestId('redeem-button')
    tap(container, 'redeem-button')
    await screen.findByTestId('redeem-sheet')
    tap(container, 'redeem-confirm')
    expect((await screen.findByTestId('redeem-unknown-text')).textContent).toBe(UNKNOWN)
    expect(screen.queryByTestId('redeem-error')).toBeNull()
    tap(container, 'redeem-confirm')
    await waitFor(() => expect(redeemPosts(api)).toHaveLength(2))
    const [first, second] = redeemPosts(api)
    expect(second?.headers.get('idempotency-key')).toBe(first?.headers.get('idempotency-key'))
    await waitFor(async () => expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(850))
  })

  test('the answer is lost after the server redeemed: not known yet said, the retry replays it, spent once', async () => {
    const api = installInProcessApi()
    const token = await memberWith(api, 1000)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    api.fail('POST', '/redemptions', { kind: 'lost-answer' })
    const { container } = renderWithApp(<GiftDetailView giftId='gift-ebook' />)
    await screen.findByTestId('redeem-button')
    tap(container, 'redeem-button')
    await screen.findByTestId('redeem-sheet')
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      tap(container, 'redeem-confirm')
      await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
    } finally {
      jest.useRealTimers()
    }
    expect((await screen.findByTestId('redeem-unknown-text')).textContent).toBe(UNKNOWN)
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(850)

    tap(container, 'redeem-confirm')
    await waitFor(() => expect(redirect).toHaveBeenCalledTimes(1))
    const [first, second] = redeemPosts(api)
    expect(second?.headers.get('idempotency-key')).toBe(first?.headers.get('idempotency-key'))
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(850)
    const redemptions = (await api.call('GET', '/redemptions', { token })).json.items as unknown[]
    expect(redemptions).toHaveLength(1)
  })
})
