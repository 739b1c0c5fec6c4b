// Whole journeys of issue #2 on the H5 production build at a phone viewport: a visitor arrives
// through a referral link, browses, signs in by phone (the code goes with the sign-in), survives a
// reload, is sent to sign-in and back when the session dies, and switches the language.
import type { Page } from 'playwright-core'
import {
  closeAll,
  E2E_TEST_TIMEOUT_MS,
  launchPhone,
  screenshot,
  startStack,
  type Phone,
  type Stack,
  pageInFront,
} from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS)

const PHONE = '13912345678'
let stack: Stack
let phone: Phone

beforeAll(async () => {
  stack = await startStack()
  // The expired-session journey provokes 401s on purpose.
  phone = await launchPhone({ baseURL: stack.baseUrl, ignore: [/401/] })
})

afterAll(closeAll)

// Taro keeps visited tab pages in the DOM (hidden): always look inside the page in front.
const byTestId = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`)
const tab = (page: Page, label: string) => page.locator('.weui-tabbar__item', { hasText: label })

/** Waits until a page has finished sliding in (Taro's H5 page transition) and fills the screen. */

async function signInByPhone(page: Page): Promise<Record<string, unknown>> {
  await byTestId(page, 'phone-input').fill(PHONE)
  await byTestId(page, 'send-code').click()
  await page.getByText(/秒后重发/).waitFor()
  await byTestId(page, 'code-input').fill('123456')
  const signInRequest = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url().endsWith('/auth/phone'),
  )
  await byTestId(page, 'sign-in-submit').click()
  return JSON.parse((await signInRequest).postData() ?? '{}') as Record<string, unknown>
}

async function storedToken(page: Page): Promise<string> {
  // Taro's H5 storage wraps each value as { data }; zustand's persist wraps the state.
  const raw = await page.evaluate(() => window.localStorage.getItem('fanloop.session'))
  const stored = JSON.parse(raw ?? '{}') as { data?: string }
  return (JSON.parse(stored.data ?? '{}') as { state?: { token?: string } }).state?.token ?? ''
}

test('a visitor from a referral link browses first, signs in, and the code goes with the sign-in', async () => {
  const page = phone.page
  const config = (await (await fetch(`${stack.apiBase}/app/config`)).json()) as { brandName: string }

  await page.goto('/pages/home/index?ref=LINA88')
  const home = byTestId(page, 'home-page')
  await home.locator('[data-testid="brand-name"]').getByText(config.brandName).waitFor()
  await home.locator('[data-testid="sign-in-prompt"]').waitFor()
  await home.locator('[data-testid="gift-card"]').first().waitFor()
  await screenshot(page, 'sign-in-01-visitor-home')

  // Browsing the tabs first must not lose the code.
  await tab(page, '社区').click()
  await byTestId(page, 'community-page').locator('[data-testid="post-card"]').first().waitFor()
  await screenshot(page, 'sign-in-02-community')
  await tab(page, '积分商城').click()
  await byTestId(page, 'mall-page').locator('[data-testid="gift-card"]').first().waitFor()
  await screenshot(page, 'sign-in-03-mall')
  await tab(page, '我的').click()
  await byTestId(page, 'me-page').locator('[data-testid="go-sign-in"]').click()

  await page.waitForURL(/\/packages\/auth\/sign-in\/index/)
  await byTestId(page, 'referral-notice')
    .getByText(/LINA88/)
    .waitFor()
  await pageInFront(page, 'sign-in-page')
  await screenshot(page, 'sign-in-04-form')
  const sent = await signInByPhone(page)
  // The code came by a link, and the server is told so (the fan's source in the KOL's list).
  expect(sent).toEqual({ phone: PHONE, smsCode: '123456', ref: 'LINA88', refSource: 'link' })

  // Back where the member was, now with their card.
  await page.waitForURL(/\/pages\/me\/index/)
  await byTestId(page, 'me-page').locator('[data-testid="member-card"]').waitFor()
  await expect(byTestId(page, 'me-page').locator('[data-testid="points-balance"]').textContent()).resolves.toBe('0')
  await screenshot(page, 'sign-in-05-signed-in')

  // The session survives a restart of the app.
  await page.reload()
  await byTestId(page, 'me-page').locator('[data-testid="member-card"]').waitFor()
  expect(await storedToken(page)).not.toBe('')
  phone.expectNoErrors()
})

test('a dead session sends the member to sign-in and back to the page they were on', async () => {
  const page = phone.page
  await page.goto('/pages/mall/index')
  await byTestId(page, 'mall-page').locator('[data-testid="gift-card"]').first().waitFor()

  // The server forgets the session (as after a logout elsewhere or an expiry).
  const token = await storedToken(page)
  const logout = await fetch(`${stack.apiBase}/auth/logout`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(logout.status).toBe(200)

  await page.goto('/pages/me/index')
  await page.waitForURL(/\/packages\/auth\/sign-in\/index\?returnTo=/)
  expect(decodeURIComponent(new URL(page.url()).searchParams.get('returnTo') ?? '')).toBe('/pages/me/index')
  await pageInFront(page, 'sign-in-page')
  await screenshot(page, 'sign-in-06-session-expired')

  // The same phone asked for a code moments ago: the server's resend interval answers 429 with Retry-After,
  // the form counts down from it, and the code already sent still signs in.
  const sent = await signInByPhone(page)
  expect(sent).not.toHaveProperty('ref')
  await page.waitForURL(/\/pages\/me\/index/)
  await byTestId(page, 'me-page').locator('[data-testid="member-card"]').waitFor()
  phone.expectNoErrors([/401/, /429/])
})

test('the whole shell switches to English and back', async () => {
  const page = phone.page
  await page.goto('/pages/me/index')
  await byTestId(page, 'me-page').locator('[data-testid="member-card"]').waitFor()
  await byTestId(page, 'locale-en').click()
  await byTestId(page, 'me-page').getByText('Sign out').waitFor()
  await tab(page, 'Home').waitFor()
  await screenshot(page, 'sign-in-07-english')
  await byTestId(page, 'locale-zh-CN').click()
  await tab(page, '首页').waitFor()
  // The browser's log still holds the previous test's 401 and its resend interval's 429.
  phone.expectNoErrors([/401/, /429/])
})

// A number copied from a contact card or a chat arrives with dashes or spaces (and maybe +86): it is the same phone.
test.each([
  ['138-1234-5601', '13812345601'],
  ['138 1234 5602', '13812345602'],
  ['+86 138-1234-5603', '13812345603'],
])('a phone number pasted as %p signs in as %p', async (pasted, digits) => {
  const page = phone.page
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/pages/me/index')
  await page.evaluate(() => window.localStorage.removeItem('fanloop.session'))
  await page.goto('/packages/auth/sign-in/index')
  await page.reload()
  await pageInFront(page, 'sign-in-page')
  const input = byTestId(page, 'phone-input')
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted)
  await input.focus()
  await page.keyboard.press('ControlOrMeta+V')
  await expect(input.inputValue()).resolves.toBe(digits)
  // A text field (a number field drops a pasted "138-…" whole), still with the phone's number pad.
  await expect(input.getAttribute('inputmode')).resolves.toBe('tel')
  await byTestId(page, 'send-code').click()
  await page.getByText(/秒后重发/).waitFor()
  await byTestId(page, 'code-input').fill('123456')
  const signInRequest = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url().endsWith('/auth/phone'),
  )
  await byTestId(page, 'sign-in-submit').click()
  expect(JSON.parse((await signInRequest).postData() ?? '{}')).toMatchObject({ phone: digits })
  await page.waitForURL(/\/pages\/home\/index/)
  phone.expectNoErrors([/401/, /429/])
})
