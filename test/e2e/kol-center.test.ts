// Issue #12 on the H5 production build at a phone viewport: the seeded KOL (Lina) opens the KOL center; a new
// member in a second browser opens a product through her link (?ref=), signs in and buys; Lina sees the new fan
// and a pending commission; the mock clock moves 7 days and it is settled; she requests a withdrawal.
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

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2)

const KOL_CODE = 'LINA88'
const FAN_PHONE = '13700004321'
const FAN_NICKNAME = '会员4321'
const PRODUCT_ID = 'p-cleanser'

let stack: Stack
let kolPhone: Phone
let kolToken = ''

const api = (method: string, path: string, body?: unknown, token = kolToken) =>
  callApi(stack.apiBase, method, path, { body, token })

type Totals = { pendingFen: number; settledFen: number; withdrawableFen: number; withdrawingFen: number }
const totals = async () => ((await api('GET', '/distribution/overview')) as { commission: Totals }).commission
const fen = (amount: number) => `¥${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`

beforeAll(async () => {
  stack = await startStack()
  kolPhone = await launchPhone({ baseURL: stack.baseUrl })
  kolToken = ((await api('POST', '/__mock/persona', { id: 'kol-distributor' }, '')) as { token: string }).token
  await kolPhone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-kol-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, kolToken)
})

afterAll(closeAll)

test('a fan buys through the KOL link; the KOL sees the fan, the pending commission, its settling and a withdrawal', async () => {
  const kol = kolPhone.page
  const before = await totals()

  // Lina's center: fans and pending commission.
  await kol.goto('/packages/distribution/center/index')
  await visible(kol, 'kol-center').waitFor()
  await pageInFront(kol, 'kol-center-page')
  expect(await visible(kol, 'kol-pending').textContent()).toBe(fen(before.pendingFen))
  const fansBefore = Number(await visible(kol, 'kol-fan-count').textContent())
  expect(fansBefore).toBeGreaterThan(0)
  await screenshot(kol, 'kol-01-center')
  await kol.goto('/packages/distribution/fans/index')
  await visible(kol, 'fan-list').locator('[data-testid="fan-source"]').first().waitFor()
  await visible(kol, 'arrival-list').locator('[data-testid="arrival-reason"]').first().waitFor()
  await screenshot(kol, 'kol-02-fans')

  // A new member, in a browser of their own, opens the product through Lina's link.
  const fanPhone = await launchPhone({ baseURL: stack.baseUrl })
  const fan = fanPhone.page
  await fan.goto(`/packages/orders/product/index?id=${PRODUCT_ID}&ref=${KOL_CODE}`)
  await visible(fan, 'product-ref').getByText(`来自推荐码 ${KOL_CODE} 的分享`).waitFor()
  await pageInFront(fan, 'product-page')
  await screenshot(fan, 'kol-03-fan-product')
  await visible(fan, 'product-buy').getByText('登录后购买').click()
  await fan.waitForURL(/\/packages\/auth\/sign-in\/index/)
  await visible(fan, 'phone-input').fill(FAN_PHONE)
  await visible(fan, 'send-code').click()
  await fan.getByText(/秒后重发/).waitFor()
  await visible(fan, 'code-input').fill('123456')
  await visible(fan, 'sign-in-submit').click()
  // Back on the product, still carrying the link's code.
  await fan.waitForURL(/\/packages\/orders\/product\/index\?.*ref=LINA88/)
  await visible(fan, 'product-buy').getByText('立即购买（模拟支付）').click()
  await visible(fan, 'order-paid').waitFor()
  await screenshot(fan, 'kol-04-fan-paid')
  fanPhone.expectNoErrors()

  // Lina: the new fan (source link) and a pending commission for the order.
  const after = await totals()
  expect(after.pendingFen).toBeGreaterThan(before.pendingFen)
  await kol.goto('/packages/distribution/fans/index')
  const newFan = visible(kol, 'fan-list').locator('.kol-card', { hasText: FAN_NICKNAME })
  await newFan.waitFor()
  expect(await newFan.locator('[data-testid="fan-source"]').textContent()).toBe('链接')
  await screenshot(kol, 'kol-05-new-fan')
  await kol.goto('/packages/distribution/commissions/index')
  const commission = visible(kol, 'commission-list').locator('.kol-card', { hasText: FAN_NICKNAME })
  await commission.waitFor()
  expect(await commission.locator('[data-testid="commission-status"]').textContent()).toBe('待结算')
  // How the buyer came to pay her: her fan, bound through the link.
  expect(await commission.locator('[data-testid="commission-origin"]').textContent()).toBe('粉丝 · 来自链接')
  await screenshot(kol, 'kol-06-pending-commission')

  // Seven days on the server's clock: the commission is settled.
  await api('POST', '/__mock/clock', { advanceDays: 7 })
  await kol.reload()
  const settled = visible(kol, 'commission-list').locator('.kol-card', { hasText: FAN_NICKNAME })
  await settled.locator('[data-testid="commission-status"]').getByText('已结算').waitFor()
  await screenshot(kol, 'kol-07-settled')
  const settledTotals = await totals()
  expect(settledTotals.settledFen).toBeGreaterThan(after.settledFen)

  // A withdrawal of everything settled: the history shows it requested.
  await kol.goto('/packages/distribution/withdrawals/index')
  await visible(kol, 'withdraw-hint')
    .getByText(`可提现 ${fen(settledTotals.withdrawableFen)}`, { exact: false })
    .waitFor()
  await visible(kol, 'withdraw-all').click()
  await visible(kol, 'withdraw-submit').click()
  await visible(kol, 'withdrawal-panel').locator('[data-testid="withdrawal-status"]', { hasText: '处理中' }).waitFor()
  await screenshot(kol, 'kol-08-withdrawal-requested')
  const final = await totals()
  expect(final.withdrawingFen).toBe(settledTotals.withdrawableFen)
  expect(final.withdrawableFen).toBe(0)
  kolPhone.expectNoErrors()
})
