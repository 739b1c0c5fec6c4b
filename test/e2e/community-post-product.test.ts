// Issue #12, a 分享赚 post end to end on the H5 production build at a phone viewport: the seeded KOL (Lina) writes a
// post and attaches a product in the composer (price and her commission shown), publishes it into 分享赚; a new
// member in a second browser opens the post, taps its product, signs in and buys; Lina's commissions show the order
// as pending with her 10%.
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

const FAN_PHONE = '13700005678'
const FAN_NICKNAME = '会员5678'
const PRODUCT_ID = 'p-serum'
const PRODUCT_NAME = '玻尿酸精华液 50ml'

let stack: Stack
let kolPhone: Phone
let kolToken = ''

const api = (method: string, path: string, body?: unknown, token = kolToken) =>
  callApi(stack.apiBase, method, path, { body, token })

beforeAll(async () => {
  stack = await startStack()
  kolPhone = await launchPhone({ baseURL: stack.baseUrl })
  kolToken = ((await api('POST', '/__mock/persona', { id: 'kol-distributor' }, '')) as { token: string }).token
  await kolPhone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-post-product-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, kolToken)
})

afterAll(closeAll)

test('Lina attaches a product to a post; a fan buys from the post; Lina earns the commission', async () => {
  const kol = kolPhone.page

  // Lina composes: text, then 添加商品 with the price and what she would earn, and publishes.
  await kol.goto('/packages/community/compose/index')
  const text = kol.locator('textarea[data-testid="compose-text"]:visible')
  await text.waitFor()
  await text.fill('这瓶精华我回购三次了，干皮救星，链接挂在下面～')
  await visible(kol, 'compose-product-add').click()
  const option = visible(kol, `compose-product-option-${PRODUCT_ID}`)
  await option.waitFor()
  expect(await option.locator('[data-testid="compose-product-price"]').textContent()).toBe('¥199.00')
  expect(await option.locator('[data-testid="compose-product-earn"]').textContent()).toBe('赚 ¥19.90')
  await screenshot(kol, 'post-product-01-picker')
  await option.click()
  const attached = visible(kol, 'compose-product-attached')
  await attached.locator('[data-testid="compose-product-name"]', { hasText: PRODUCT_NAME }).waitFor()
  await screenshot(kol, 'post-product-02-attached')
  await visible(kol, 'compose-publish').click()
  const result = visible(kol, 'publish-result')
  await result.waitFor()
  expect(await result.getAttribute('data-status')).toBe('published')
  const mine = (await api('GET', '/me/posts')) as { items: { id: string; productId: string; section: string }[] }
  const post = mine.items[0]
  expect(post).toMatchObject({ productId: PRODUCT_ID, section: 'earn' })
  const postId = post?.id ?? ''
  const commissionsBefore = (
    (await api('GET', '/distribution/commissions?limit=50')) as { items: { id: string }[] }
  ).items.map((item) => item.id)

  // A new member, in a browser of their own, opens the post and taps its product.
  const fanPhone = await launchPhone({ baseURL: stack.baseUrl })
  const fan = fanPhone.page
  await fan.goto(`/packages/community/post/index?id=${postId}`)
  await pageInFront(fan, 'post-page')
  const product = visible(fan, 'post-product')
  await product.locator('[data-testid="post-product-name"]', { hasText: `${PRODUCT_NAME} · ¥199.00` }).waitFor()
  await screenshot(fan, 'post-product-03-fan-post')
  await product.click()
  await fan.waitForURL(new RegExp(`/packages/orders/product/index\\?.*postId=${postId}`))
  await pageInFront(fan, 'product-page')
  await visible(fan, 'product-buy').getByText('登录后购买').click()
  await fan.waitForURL(/\/packages\/auth\/sign-in\/index/)
  await visible(fan, 'phone-input').fill(FAN_PHONE)
  await visible(fan, 'send-code').click()
  await fan.getByText(/秒后重发/).waitFor()
  await visible(fan, 'code-input').fill('123456')
  await visible(fan, 'sign-in-submit').click()
  // Back on the product, still carrying the post.
  await fan.waitForURL(new RegExp(`/packages/orders/product/index\\?.*postId=${postId}`))
  await visible(fan, 'product-buy').getByText('立即购买（模拟支付）').click()
  await visible(fan, 'order-paid').waitFor()
  await screenshot(fan, 'post-product-04-fan-paid')
  fanPhone.expectNoErrors()

  // Lina: the order through her post is in her commissions, pending, 10% of ¥199.00.
  const commissions = (
    (await api('GET', '/distribution/commissions?limit=50')) as {
      items: { id: string; status: string; amountFen: number; buyerNickname: string }[]
    }
  ).items.filter((item) => !commissionsBefore.includes(item.id))
  expect(commissions).toEqual([
    expect.objectContaining({ status: 'pending', amountFen: 1990, buyerNickname: FAN_NICKNAME }),
  ])
  await kol.goto('/packages/distribution/commissions/index')
  const row = visible(kol, 'commission-list').locator('.kol-card', { hasText: FAN_NICKNAME })
  await row.waitFor()
  expect(await row.locator('[data-testid="commission-status"]').textContent()).toBe('待结算')
  expect(await row.locator('[data-testid="commission-amount"]').textContent()).toBe('+¥19.90')
  // The buyer signed in from her post: her fan, bound through it, and the post named by its first words.
  expect(await row.locator('[data-testid="commission-origin"]').textContent()).toMatch(/^粉丝 · 来自笔记「.+」$/)
  await screenshot(kol, 'post-product-05-lina-commission')
  kolPhone.expectNoErrors()
})
