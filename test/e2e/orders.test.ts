// Buying and refunding as a picky buyer on the H5 production build at a phone viewport: a member buys a product, the
// page shows the order with 查看订单 and its button becomes 再买一单, which asks first, naming what was just bought
// (kept: nothing more is paid); 我的订单 refunds it and says when; an order past its window by the server's clock
// (moved from the phone's) offers no refund and says when the window closed; a new order says 待发货 and by when, and
// once the server's clock is past its ship-by time 已发货 and when.
import {
  callApi,
  closeAll,
  E2E_TEST_TIMEOUT_MS,
  launchPhone,
  pageInFront,
  screenshot,
  startStack,
  type Stack,
  visible,
} from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2)

let stack: Stack

type SignedIn = { token: string }
type OrderItem = { id: string; status: string; itemName: string; shipBy: string | null }

const api = <T>(method: string, path: string, body?: unknown, token = '') =>
  callApi<T>(stack.apiBase, method, path, { body, token, expectOk: true })

beforeAll(async () => {
  stack = await startStack()
})

afterAll(closeAll)

test('buy, 再买一单 asks first, refund in 我的订单; past the window by the server’s clock no refund is offered', async () => {
  const { token } = await api<SignedIn>('POST', '/auth/phone', { phone: '13700008888', smsCode: '123456' })
  const ordersOf = async () => (await api<{ items: OrderItem[] }>('GET', '/orders?limit=50', undefined, token)).items
  const phone = await launchPhone({ baseURL: stack.baseUrl })
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-orders-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, token)
  const page = phone.page

  await page.goto('/packages/orders/product/index?id=p-cleanser')
  await pageInFront(page, 'product-page')
  const buy = visible(page, 'product-buy')
  await buy.getByText('立即购买（模拟支付）').click()
  await visible(page, 'order-paid').waitFor()
  await buy.getByText('再买一单').waitFor()
  await screenshot(page, 'orders-01-paid')

  // 再买一单 asks, naming what was just bought; 再想想 pays nothing more.
  await buy.click()
  await page.getByText(/你刚刚已买下「.+」/).waitFor()
  await screenshot(page, 'orders-02-buy-again-asks')
  await page.getByText('再想想', { exact: true }).click()
  await page.waitForTimeout(500)
  const [order] = await ordersOf()
  expect(await ordersOf()).toHaveLength(1)

  // 查看订单 -> 我的订单: refund it; the row says when.
  await visible(page, 'view-orders').click()
  await pageInFront(page, 'orders-page')
  // Just bought: not shipped yet, and the row says by when it ships.
  const fresh = visible(page, `order-${order?.id ?? ''}`)
  expect(await fresh.locator('[data-testid="order-status"]').textContent()).toBe('待发货')
  const shipBy = (order?.shipBy ?? '').slice(0, 16).replace('T', ' ')
  expect(await fresh.locator('[data-testid="order-ship-by"]').textContent()).toBe(`预计 ${shipBy} 前发货`)
  await visible(page, `order-refund-${order?.id ?? ''}`).click()
  await page.getByText('确认退款', { exact: true }).click()
  const row = visible(page, `order-${order?.id ?? ''}`)
  await row.locator('[data-testid="order-refunded-at"]').waitFor()
  expect(await row.locator('[data-testid="order-status"]').textContent()).toBe('已退款')
  await screenshot(page, 'orders-03-refunded')

  // Another order, then the server's clock moves past its window: the list offers no refund and says when it closed.
  await callApi(stack.apiBase, 'POST', '/orders', {
    body: { productId: 'p-cleanser' },
    token,
    idempotencyKey: 'e2e-orders-second',
    expectOk: true,
  })
  await api('POST', '/__mock/clock', { advanceDays: 8 })
  const second = (await ordersOf()).find((item) => item.status === 'paid')
  await page.reload()
  await pageInFront(page, 'orders-page')
  const late = visible(page, `order-${second?.id ?? ''}`)
  await late.locator('[data-testid="order-refund-closed"]').waitFor()
  expect(await late.locator(`[data-testid="order-refund-${second?.id ?? ''}"]`).count()).toBe(0)
  // 8 days on by the server's clock its parcel has shipped (at its ship-by time): no more 预计 X 前发货.
  expect(await late.locator('[data-testid="order-status"]').textContent()).toBe('已发货')
  const shippedAt = (second?.shipBy ?? '').slice(0, 16).replace('T', ' ')
  expect(await late.locator('[data-testid="order-shipped-at"]').textContent()).toBe(`已于 ${shippedAt} 发货`)
  expect(await late.locator('[data-testid="order-ship-by"]').count()).toBe(0)
  await screenshot(page, 'orders-04-window-closed')
  phone.expectNoErrors()
})
