import Taro from '@tarojs/taro'
import { screen, waitFor } from '@testing-library/react'
import { ProductDetail } from '@/features/distribution/components/product-detail'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// The in-process server migrates and seeds on the first call: seconds on a loaded machine.
jest.setTimeout(30_000)

async function signedInAs(api: ReturnType<typeof installInProcessApi>, persona: string) {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
}

describe('ProductDetail', () => {
  test('a KOL on a product they earn on shares it with their own code, and their own link is not "someone’s share"', async () => {
    const api = installInProcessApi()
    await signedInAs(api, 'kol-distributor')
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode='LINA88' postId={null} />)

    expect(await screen.findByText('分享赚 ¥19.90')).toBeTruthy()
    await waitFor(() => expect(container.querySelector('[data-testid="share-link"]')).not.toBeNull())
    expect(container.querySelector('[data-testid="product-ref"]')).toBeNull()
    // jsdom has no share sheet: the link is copied.
    tap(container, 'share-link')
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(1))
    expect(copy.mock.calls[0]?.[0]).toEqual({
      data: `${window.location.origin}/packages/orders/product/index?id=p-serum&ref=LINA88`,
    })
  })

  test('with distribution switched off, a KOL is promised no 分享赚 commission on the product', async () => {
    const api = installInProcessApi({
      config: (config) => ({ ...config, features: { ...config.features, distribution: false } }),
    })
    await signedInAs(api, 'kol-distributor')
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode={null} postId={null} />)
    await screen.findByTestId('product-price')
    // Her rights and the config are asked for: only once both are answered is the absence meaningful.
    await waitFor(() => expect(api.sent.some((item) => item.path.endsWith('/distribution/status'))).toBe(true))
    await waitFor(() => expect(api.sent.some((item) => item.path.endsWith('/app/config'))).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(screen.queryByText(/分享赚/)).toBeNull()
    // The server gives no code to share while distribution is off, so no link of hers carries one.
    expect(container.querySelector('[data-testid="share-link"]')).toBeNull()
  })

  test('a fan opening a KOL’s link sees whose share it is, and no share button of their own', async () => {
    const api = installInProcessApi()
    await signedInAs(api, 'kol-fan')
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode='LINA88' postId={null} />)
    expect(await screen.findByTestId('product-ref')).toHaveProperty('textContent', '来自推荐码 LINA88 的分享')
    await waitFor(() => expect(api.sent.some((item) => item.path.endsWith('/distribution/status'))).toBe(true))
    expect(container.querySelector('[data-testid="share-link"]')).toBeNull()
  })
})

describe('ProductDetail: a product that is gone', () => {
  afterEach(() => jest.restoreAllMocks())

  // An old shared link to a product no longer sold showed 内容不存在或已删除 and a 重试 that could never work.
  test('says so in plain words and leads to the other products', async () => {
    installInProcessApi()
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
    const { container } = renderWithApp(<ProductDetail productId='p-gone' referralCode='LINA88' postId={null} />)
    expect((await screen.findByTestId('empty-state', {}, { timeout: 8000 })).textContent).toContain(
      '这件商品已下架或不存在',
    )
    expect(screen.queryByTestId('retry')).toBeNull()
    tap(container, 'product-gone-to-products')
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/orders/products/index' })
  })

  test('a network failure still offers 重试', async () => {
    const api = installInProcessApi()
    api.fail('GET', '/products/p-serum', { kind: 'network' })
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode={null} postId={null} />)
    await screen.findByTestId('error-state', {}, { timeout: 8000 })
    tap(container, 'retry')
    expect(await screen.findByTestId('product-detail')).toBeTruthy()
  })
})

describe('ProductDetail: after paying', () => {
  afterEach(() => jest.restoreAllMocks())

  // 购买 stayed as it was after paying: a second tap placed a second order at once, without a word.
  test('a second order is a deliberate 再买一单 that names what was just bought; a double tap pays once', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true } as never)
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode={null} postId={null} />)
    const buyButton = await screen.findByTestId('product-buy', {}, { timeout: 8000 })
    await waitFor(() => expect(buyButton.getAttribute('aria-disabled')).not.toBe('true'), { timeout: 8000 })

    // Two taps on one intent: one key, one order.
    tap(container, 'product-buy')
    tap(container, 'product-buy')
    await screen.findByTestId('order-paid', {}, { timeout: 8000 })
    const posts = () => api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/orders'))
    expect(new Set(posts().map((call) => call.headers.get('idempotency-key'))).size).toBe(1)
    const orders = async () => ((await api.call('GET', '/orders', { token })).json as { items: unknown[] }).items
    expect(await orders()).toHaveLength(1)
    expect(screen.getByTestId('view-orders').textContent).toBe('查看订单')

    // The button now asks before a second order, naming the product; kept, nothing is paid.
    expect(screen.getByTestId('product-buy').textContent).toBe('再买一单')
    tap(container, 'product-buy')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(modal.mock.calls[0]?.[0]?.content).toContain('你刚刚已买下「')
    const { name } = (await api.call('GET', '/products/p-serum', {})).json as { name: string }
    expect(modal.mock.calls[0]?.[0]?.content).toContain(name)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await orders()).toHaveLength(1)

    // Confirmed: a second order with a key of its own, which the server takes. A double tap asks once.
    modal.mockResolvedValue({ confirm: true, cancel: false } as never)
    tap(container, 'product-buy')
    tap(container, 'product-buy')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    await waitFor(async () => expect(await orders()).toHaveLength(2), { timeout: 8000 })
    const keys = posts().map((call) => call.headers.get('idempotency-key'))
    expect(new Set(keys).size).toBe(2)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(modal).toHaveBeenCalledTimes(2)
    expect(await orders()).toHaveLength(2)
  })
})
