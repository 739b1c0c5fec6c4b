// 笔记带来的粉丝 on the H5 production build at a phone viewport: Lina (the seeded KOL) publishes a 分享赚 post; two friends
// sign up from it and a fan of another KOL arrives through it without binding. In her KOL center the post leads the
// list with its fans; 看粉丝 opens 我的粉丝 for that post alone (its fans and the arrival, each naming the post), and
// 看全部粉丝 shows everyone again.
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

const KOL_CODE = 'LINA88'
const OTHER_KOL_CODE = 'MIAO66'
const POST_TEXT = '夏天油皮的精华分享，回购第三瓶了'
const EXCERPT = '来自笔记夏天油皮的精华分享，回购第三瓶了'

let stack: Stack

type SignedIn = { token: string; member: { id: string; nickname: string } }

const api = <T>(method: string, path: string, body?: unknown, token = '', idempotencyKey?: string) =>
  callApi<T>(stack.apiBase, method, path, { body, token, idempotencyKey, expectOk: true })

beforeAll(async () => {
  stack = await startStack()
})

afterAll(closeAll)

test('the KOL sees which post brought fans, opens its fans alone, then everyone again', async () => {
  const kol = await api<SignedIn>('POST', '/__mock/persona', { id: 'kol-distributor' })
  const post = await api<{ id: string }>(
    'POST',
    '/posts',
    { text: POST_TEXT, productId: 'p-serum' },
    kol.token,
    'e2e-kol-posts-publish',
  )
  const fromPost = (phone: string, ref: string, postId?: string) =>
    api<SignedIn>('POST', '/auth/phone', {
      phone,
      smsCode: '123456',
      ref,
      refSource: postId ? 'post' : 'link',
      ...(postId ? { refPostId: postId } : {}),
    })
  const first = await fromPost('13755550001', KOL_CODE, post.id)
  const second = await fromPost('13755550002', KOL_CODE, post.id)
  const taken = await fromPost('13755550003', OTHER_KOL_CODE)
  await api(
    'POST',
    '/distribution/arrivals',
    { code: KOL_CODE, source: 'post', postId: post.id },
    taken.token,
    'e2e-kol-posts-arrival',
  )

  const phone = await launchPhone({ baseURL: stack.baseUrl })
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-kol-posts-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, kol.token)
  const page = phone.page
  await page.goto('/packages/distribution/center/index')
  await pageInFront(page, 'kol-center-page')
  const stats = visible(page, 'post-stats')
  const row = stats.locator(`[data-testid="post-stats-${post.id}"]`)
  await row.waitFor()
  // Most fans first: her new post with two fans leads (the seed's posts brought none).
  expect(await stats.locator('.kol-card').first().getAttribute('data-testid')).toBe(`post-stats-${post.id}`)
  expect(await row.locator('[data-testid="post-stats-fans"]').textContent()).toBe('2 位粉丝')
  expect(await row.locator('[data-testid="post-stats-line"]').textContent()).toBe('未绑定 1 · 订单 0 · 佣金 ¥0.00')
  await row.scrollIntoViewIfNeeded()
  await screenshot(page, 'kol-posts-01-center')

  await row.locator('[data-testid="post-stats-open-fans"]').click()
  await page.waitForURL(/\/packages\/distribution\/fans\/index\?postId=/)
  await pageInFront(page, 'fans-page')
  const filter = visible(page, 'fans-post-filter')
  await filter.locator('[data-testid="fan-post"]', { hasText: EXCERPT }).waitFor()
  const list = visible(page, 'fan-list')
  await list.locator(`[data-testid="fan-${second.member.id}"]`).waitFor()
  await list.locator(`[data-testid="fan-${first.member.id}"]`).waitFor()
  expect(await list.locator('[data-testid^="fan-m-"]').count()).toBe(2)
  const arrival = visible(page, 'arrival-list').locator('.kol-card', { hasText: taken.member.nickname })
  await arrival.waitFor()
  expect(await arrival.locator('[data-testid="fan-post"]').textContent()).toBe(EXCERPT)
  await screenshot(page, 'kol-posts-02-fans-of-post')

  await visible(page, 'fans-show-all').click()
  await visible(page, 'fans-post-filter').waitFor({ state: 'detached' })
  // Everyone again: Lina's seeded fans beside the two from the post.
  await list.locator('[data-testid^="fan-m-"]').nth(2).waitFor()
  await screenshot(page, 'kol-posts-03-all-fans')
  phone.expectNoErrors()
})
