// Issue #4 on the H5 production build at a phone viewport: browse and filter the mall, redeem a
// virtual gift and see its code, redeem a physical gift with a new address, cancel it and see the
// points come back.
import {
  closeAll,
  E2E_TEST_TIMEOUT_MS,
  launchPhone,
  screenshot,
  startStack,
  type Phone,
  type Stack,
  visible,
  pageInFront,
  callApi,
} from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS)

let stack: Stack
let phone: Phone
let token = ''

const api = (method: string, path: string, body?: unknown, idempotencyKey?: string) =>
  callApi(stack.apiBase, method, path, { body, token, idempotencyKey })

beforeAll(async () => {
  stack = await startStack()
  phone = await launchPhone({ baseURL: stack.baseUrl })
  // A new member with 2,000 points to spend, previewed the way an operator does.
  token = ((await api('POST', '/__mock/persona', { id: 'new-member' })) as { token: string }).token
  await api('POST', '/__mock/grant', { points: 2000 }, 'e2e-mall-grant')
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-mall-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, token)
})

afterAll(closeAll)

const balance = async () => ((await api('GET', '/me')) as { pointsBalance: number }).pointsBalance

test('browse the mall and filter by category and by what I can afford', async () => {
  const page = phone.page
  await page.goto('/pages/mall/index')
  const mall = visible(page, 'mall-page')
  await mall.locator('[data-testid="gift-card"]').first().waitFor()
  const all = await mall.locator('[data-testid="gift-card"]').count()
  await screenshot(page, 'mall-01-all')
  // The first screen's pictures load with the page; the ones further down wait until scrolled near (Taro renders a
  // lazy picture's address as data-src until its IntersectionObserver fires).
  const pictures = await mall.locator('[data-testid="gift-card"]').evaluateAll((cards) =>
    cards.map((card) => {
      const image = card.querySelector('img')
      if (!image) return 'none' // a virtual gift without a picture
      return image.hasAttribute('data-src') ? 'lazy' : 'eager'
    }),
  )
  expect(pictures.slice(0, 4).filter((picture) => picture !== 'none')).not.toHaveLength(0)
  expect(pictures.slice(0, 4).filter((picture) => picture === 'lazy')).toEqual([])
  expect(pictures.slice(4).filter((picture) => picture === 'eager')).toEqual([])
  expect(pictures.slice(4)).toContain('lazy')

  await visible(page, 'affordable-only').click()
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="mall-page"] [data-testid="gift-card"]').length < count,
    all,
  )
  await screenshot(page, 'mall-02-affordable')
  await visible(page, 'affordable-only').click()

  await visible(page, 'category-coupon').click()
  await page.waitForFunction(() => {
    const cards = document.querySelectorAll('[data-testid="mall-page"] [data-testid="gift-card"]')
    return cards.length > 0 && [...cards].every((card) => card.textContent?.includes('券'))
  })
  await screenshot(page, 'mall-03-coupons')
  phone.expectNoErrors()
})

test('before any redemption 我的兑换 leads to the mall; a gift that is gone says so and leads back too', async () => {
  const page = phone.page
  await page.goto('/packages/mall/redemptions/index')
  await visible(page, 'empty-state').getByText('还没有兑换记录').waitFor()
  await visible(page, 'redemptions-to-mall').click()
  await page.waitForURL(/\/pages\/mall\/index/)
  await visible(page, 'mall-page').locator('[data-testid="gift-card"]').first().waitFor()

  // An old shared link to a gift no longer in the mall.
  await page.goto('/packages/mall/gift/index?id=nonexistent')
  await pageInFront(page, 'gift-page')
  await visible(page, 'empty-state').getByText('这件礼品已下架或不存在').waitFor()
  await screenshot(page, 'mall-04b-gift-gone')
  await visible(page, 'back-to-mall').click()
  await page.waitForURL(/\/pages\/mall\/index/)
  await visible(page, 'mall-page').locator('[data-testid="gift-card"]').first().waitFor()
  const gone = /\/gifts\/nonexistent/
  phone.expectNoErrors([gone])
  // That 404 was the point of this journey: the ones after it start clean.
  phone.problems.splice(0, phone.problems.length, ...phone.problems.filter((problem) => !gone.test(problem.text)))
})

test('redeem a virtual gift and see its code at once', async () => {
  const page = phone.page
  const before = await balance()
  await page.goto('/packages/mall/gift/index?id=gift-ebook')
  await visible(page, 'redeem-button').getByText('立即兑换').waitFor()
  await screenshot(page, 'mall-04-gift')
  await visible(page, 'redeem-button').click()
  await visible(page, 'redeem-sheet').waitFor()
  await visible(page, 'redeem-confirm').click()
  await page.waitForURL(/\/packages\/mall\/redeem-result\/index\?id=/)
  const code = (await visible(page, 'redeem-code').textContent()) ?? ''
  expect(code.length).toBeGreaterThan(4)
  await pageInFront(page, 'redeem-result-page')
  await screenshot(page, 'mall-05-virtual-code')
  expect(await balance()).toBe(before - 150)
  phone.expectNoErrors()
})

test('redeem a physical gift with a new address, cancel it, and see the points come back', async () => {
  const page = phone.page
  const before = await balance()
  await page.goto('/packages/mall/gift/index?id=gift-tote')
  await visible(page, 'redeem-button').getByText('立即兑换').click()
  await visible(page, 'redeem-sheet').waitFor()

  // No address yet: add one in place, inside the sheet.
  await visible(page, 'address-add-first').click()
  await visible(page, 'address-save').click()
  await visible(page, 'address-name-error').waitFor()
  await screenshot(page, 'mall-06-address-errors')
  await visible(page, 'address-name-input').fill('王小明')
  await visible(page, 'address-phone-input').fill('13812345678')
  await visible(page, 'address-province-input').fill('上海市')
  await visible(page, 'address-city-input').fill('上海市')
  await visible(page, 'address-district-input').fill('徐汇区')
  await visible(page, 'address-detail-input').fill('漕溪北路 88 号 6 楼')
  await visible(page, 'address-save').click()
  await visible(page, 'address-picker').getByText('王小明').waitFor()
  await screenshot(page, 'mall-07-address-chosen')

  await visible(page, 'redeem-confirm').click()
  await page.waitForURL(/\/packages\/mall\/redeem-result\/index\?id=/)
  await pageInFront(page, 'redeem-result-page')
  await screenshot(page, 'mall-08-physical-result')
  expect(await balance()).toBe(before - 300)

  // My redemptions → the pending one → cancel.
  const redemptionId = new URL(page.url()).searchParams.get('id') ?? ''
  await page.goto('/packages/mall/redemptions/index')
  await visible(page, 'redemptions-page').getByText('品牌定制帆布袋').first().waitFor()
  await screenshot(page, 'mall-09-redemptions')
  await page.goto(`/packages/mall/redemption/index?id=${encodeURIComponent(redemptionId)}`)
  await visible(page, 'redemption-address')
    .getByText(/漕溪北路/)
    .waitFor()
  await visible(page, 'cancel-redemption').click()
  await page.getByText(/300 积分将退回/).waitFor()
  await page.getByText('确认取消', { exact: true }).click()
  await page.waitForFunction(() => !document.querySelector('[data-testid="cancel-redemption"]'))
  await screenshot(page, 'mall-10-cancelled')
  expect(await balance()).toBe(before)

  // The refund is in the ledger the member reads.
  await page.goto('/packages/membership/points/index')
  await page.locator('[data-testid="ledger-row"]:visible', { hasText: '取消兑换' }).first().waitFor()
  await screenshot(page, 'mall-11-ledger-refund')
  phone.expectNoErrors()
})
