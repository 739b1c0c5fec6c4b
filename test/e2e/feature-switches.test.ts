// A program launched with parts switched off (config `features`), as an operator's MOCK_CONFIG file would run it: the
// H5 build shows no way into them, and their tab and shared links say calmly that they are closed.
import { seedConfig } from '../../mock/seed/config'
import {
  closeAll,
  E2E_TEST_TIMEOUT_MS,
  launchPhone,
  screenshot,
  startStack,
  waitForContent,
  type Phone,
  type Stack,
} from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS)

let stack: Stack
let phone: Phone

beforeAll(async () => {
  const config = seedConfig()
  stack = await startStack({
    config: { ...config, features: { ...config.features, community: false, membershipPackages: false } },
  })
  phone = await launchPhone({ baseURL: stack.baseUrl })
})

afterAll(closeAll)

const closedText = (page: Phone['page']) => page.locator('[data-testid="empty-state"]:visible')

test('the community tab says it is not open, and 首页 offers no posts', async () => {
  const page = await phone.newPage()
  await page.goto('/pages/home/index')
  await waitForContent(page)
  await page.locator('[data-testid="brand-name"]:visible').filter({ hasText: /\S/ }).waitFor()
  await page.getByText('热门好礼').first().waitFor()
  expect(await page.locator('body').innerText()).not.toContain('社区精选')

  await page.goto('/pages/community/index')
  await expect(closedText(page).innerText()).resolves.toBe('暂未开放')
  expect(await page.locator('[data-testid="section-recommend"]:visible').count()).toBe(0)
  await screenshot(page, 'feature-off-community')
  expect(phone.problems.filter((problem) => problem.kind === 'pageerror')).toEqual([])
  await page.close()
})

test('a shared link to a post and to the plans opens on the closed state, not an error', async () => {
  const posts = await fetch(`${stack.appApiBase}/posts?section=recommend`)
  expect(posts.status).toBe(403)
  expect(await posts.json()).toEqual({ error: expect.objectContaining({ code: 'FEATURE_OFF' }) })
  const page = await phone.newPage()
  for (const link of ['/packages/community/post/index?id=p-1&ref=LINA88', '/packages/membership/plans/index']) {
    await page.goto(link)
    await expect(closedText(page).innerText()).resolves.toBe('暂未开放')
    expect(await page.locator('[data-testid="error-state"]:visible').count()).toBe(0)
  }
  // The mall is on: its tab serves gifts.
  await page.goto('/pages/mall/index')
  await page.locator('[data-testid="mall-balance"]:visible').waitFor()
  expect(await closedText(page).count()).toBe(0)
  await page.close()
})
