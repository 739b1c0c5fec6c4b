// The monthly coupon end to end on the H5 production build at a phone viewport: a V3 member opens 我的卡券 from 我的,
// claims this month's ¥10 coupon, opens a product, where the coupon is already taken off (实付 ¥189.00), buys, and
// the wallet shows it used; the levels page says this month's is claimed. The wallet passes the accessibility audit.
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
import { expectAccessible } from './support/axe'

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2)

let stack: Stack

type SignedIn = { token: string }

const api = <T>(method: string, path: string, body?: unknown, token = '') =>
  callApi<T>(stack.apiBase, method, path, { body, token, expectOk: true })

beforeAll(async () => {
  stack = await startStack()
})

afterAll(closeAll)

test('a V3 member claims the monthly coupon, spends it on a product, and sees it used', async () => {
  const { token } = await api<SignedIn>('POST', '/auth/phone', { phone: '13700007777', smsCode: '123456' })
  await callApi(stack.apiBase, 'POST', '/__mock/grant', {
    body: { growth: 1000 },
    token,
    idempotencyKey: 'e2e-coupons-grant',
    expectOk: true,
  })
  const phone = await launchPhone({ baseURL: stack.baseUrl })
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-coupons-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, token)
  const page = phone.page

  // 我的 -> 我的卡券: nothing yet, and this month's coupon of V3 to claim.
  await page.goto('/pages/me/index')
  await visible(page, 'entry-coupons').click()
  await pageInFront(page, 'coupons-page')
  const card = visible(page, 'monthly-coupon-card')
  await visible(page, 'claim-monthly-coupon').waitFor()
  expect(await visible(page, 'empty-state').textContent()).toContain('还没有券')
  await expectAccessible(page, 'the coupon wallet, empty')
  await visible(page, 'claim-monthly-coupon').click()
  await page.waitForFunction(
    () => document.querySelector('[data-testid="monthly-coupon-card"]')?.getAttribute('data-status') === 'claimed',
  )
  expect(await card.textContent()).toContain('本月礼券已领取 · ¥10.00')
  const coupon = visible(page, 'coupon')
  await coupon.waitFor()
  expect(await coupon.getAttribute('data-status')).toBe('available')
  expect(await coupon.textContent()).toContain('¥10.00')
  await screenshot(page, 'coupons-01-claimed')
  await expectAccessible(page, 'the coupon wallet')

  // 去使用 -> the products; the serum's page takes the coupon off by itself.
  await visible(page, 'coupon-use').click()
  await pageInFront(page, 'products-page')
  await page.goto('/packages/orders/product/index?id=p-serum')
  await pageInFront(page, 'product-page')
  const choice = visible(page, 'coupon-choice')
  await choice.waitFor()
  expect(await choice.textContent()).toContain('-¥10.00')
  expect(await visible(page, 'coupon-payable').textContent()).toContain('实付 ¥189.00')
  await screenshot(page, 'coupons-02-product')
  await expectAccessible(page, 'a product with the coupon taken off')
  await visible(page, 'product-buy').click()
  const paid = visible(page, 'order-paid')
  await paid.waitFor()
  expect(await paid.textContent()).toContain('¥189.00')
  expect(await paid.textContent()).toContain('已用券减 ¥10.00')
  // Spent: nothing left to offer.
  await choice.waitFor({ state: 'detached' })

  // The wallet shows it used; the levels page says this month's is claimed.
  await page.goto('/packages/membership/coupons/index')
  await pageInFront(page, 'coupons-page')
  await page.waitForFunction(
    () => document.querySelector('[data-testid="coupon"]')?.getAttribute('data-status') === 'used',
  )
  await page.goto('/packages/membership/levels/index')
  await pageInFront(page, 'levels-page')
  await page.waitForFunction(
    () => document.querySelector('[data-testid="monthly-coupon-card"]')?.getAttribute('data-status') === 'claimed',
  )
  await screenshot(page, 'coupons-03-levels')
  phone.expectNoErrors()
})
