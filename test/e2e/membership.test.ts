// Issue #3 on the H5 production build at a phone viewport: check in and see the balance move, open
// the calendar, make up a missed day after moving the mock clock, read the ledger, see the level. The white text
// of the brand-gradient banners (member card, calendar summary, points summary, levels header) is measured against
// every stop of its gradient, which axe cannot do.
import type { Page } from 'playwright-core'
import { expectReadableOnGradients } from './support/gradient-contrast'
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
let token: string

beforeAll(async () => {
  stack = await startStack()
  phone = await launchPhone({ baseURL: stack.baseUrl })
  // Preview as a seeded persona, the way an operator does: a V2 member on day 6 of a streak.
  const persona = await api('POST', '/__mock/persona', { id: 'streak-day6' })
  token = (persona as { token: string }).token
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-membership-install' }, version: 0 }
    // Taro's H5 storage wraps every value as { data }.
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, token)
})

afterAll(closeAll)

const api = (method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<unknown> =>
  callApi(stack.apiBase, method, path, { body, token, idempotencyKey })

/**
 * The banner's texts read at WCAG AA against each stop of its gradient (4.5:1, 3:1 when large): throws naming any
 * that does not, and checks that the texts named were measured (so a banner that stopped being found fails too).
 */
async function expectBannerReadable(page: Page, where: string, texts: (string | RegExp)[]): Promise<void> {
  const measured = (await expectReadableOnGradients(page, where)).map((item) => item.text)
  for (const text of texts)
    expect(measured).toContainEqual(typeof text === 'string' ? text : expect.stringMatching(text))
}

const numberIn = async (page: Page, testId: string) =>
  Number(((await visible(page, testId).textContent()) ?? '').replace(/[^\d]/g, ''))

test('check in with one tap and watch the balance move by exactly the award', async () => {
  const page = phone.page
  await page.goto('/pages/home/index')
  await visible(page, 'checkin-button').waitFor()
  const before = await numberIn(page, 'points-balance')
  expect(await visible(page, 'checkin-streak').textContent()).toBe('已连续签到 5 天')
  await screenshot(page, 'membership-01-before-checkin')

  await visible(page, 'checkin-button').click()
  const award = Number(((await visible(page, 'checkin-award').textContent()) ?? '').replace('+', ''))
  await visible(page, 'checkin-done').waitFor()
  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="points-balance"]')?.textContent?.replace(/,/g, '') === String(expected),
    before + award,
  )
  expect(await visible(page, 'checkin-streak').textContent()).toBe('已连续签到 6 天')
  // Day 7 is the bonus day: tomorrow gives base + 30.
  expect(await visible(page, 'checkin-done').textContent()).toContain('明天签到 +35 积分')
  await screenshot(page, 'membership-02-checked-in')
  const balance = (await visible(page, 'points-balance').textContent()) ?? ''
  await expectBannerReadable(page, 'home member card', [/^欢迎，/, balance, '积分', /^成长值 /])

  const me = (await api('GET', '/me')) as { pointsBalance: number }
  expect(me.pointsBalance).toBe(before + award)
  phone.expectNoErrors()
})

test('open the calendar, move the clock, and make up a missed day', async () => {
  const page = phone.page
  await visible(page, 'open-calendar').click()
  await pageInFront(page, 'checkin-calendar-page')
  const { today } = (await api('GET', '/checkin/calendar')) as { today: string }
  expect(await visible(page, `day-${today}`).getAttribute('data-state')).toBe('checked')
  await screenshot(page, 'membership-03-calendar')

  // Jump to the 5th of next month: days 1-4 are missed and this month's make-ups are fresh.
  const [year, month] = today.split('-').map(Number) as [number, number]
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
  await api('POST', '/__mock/clock', { set: `${next}-05T10:00:00+08:00` })
  await page.goto('/packages/membership/checkin-calendar/index')
  await visible(page, `day-${next}-04`).waitFor()
  expect(await visible(page, `day-${next}-04`).getAttribute('data-state')).toBe('missed')
  expect(await visible(page, 'makeups-left').textContent()).toBe('本月还可补签 2 次')

  await visible(page, `day-${next}-04`).click()
  await page.getByText(/消耗 20 积分/).waitFor()
  await screenshot(page, 'membership-04-makeup-confirm')
  await page.getByText('确定', { exact: true }).click()
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state') === 'made-up',
    `day-${next}-04`,
  )
  expect(await visible(page, 'makeups-left').textContent()).toBe('本月还可补签 1 次')
  await screenshot(page, 'membership-05-made-up')
  await expectBannerReadable(page, 'calendar summary', ['本月还可补签 1 次'])
  // The made-up day's number reads at WCAG AA (axe skips a cell of one or two digits as too short to judge).
  const contrast = await page.evaluate((id) => {
    const cell = [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)].find((el) => el.offsetWidth > 0)
    const text = cell?.querySelector<HTMLElement>('*')
    if (!cell || !text) return 0
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
        const c = Number(part) / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }) as [number, number, number]
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const [light, dark] = [
      luminance(getComputedStyle(text).color),
      luminance(getComputedStyle(cell).backgroundColor),
    ].sort((a, b) => b - a) as [number, number]
    return (light + 0.05) / (dark + 0.05)
  }, `day-${next}-04`)
  expect(contrast).toBeGreaterThanOrEqual(4.5)
  phone.expectNoErrors()
})

test('read the ledger, filter what was spent, and see the level progress', async () => {
  const page = phone.page
  await page.goto('/packages/membership/points/index')
  await visible(page, 'ledger-row').first().waitFor()
  const summaryBalance = await numberIn(page, 'summary-balance')
  const me = (await api('GET', '/me')) as { pointsBalance: number }
  expect(summaryBalance).toBe(me.pointsBalance)
  await expectBannerReadable(page, 'points summary', ['可用积分', /^成长值 /])
  await expect(
    page.locator('[data-testid="ledger-row"]:visible', { hasText: '补签' }).count(),
  ).resolves.toBeGreaterThan(0)
  await screenshot(page, 'membership-06-ledger')

  await visible(page, 'ledger-filter-spent').click()
  await page.waitForFunction(() => {
    const deltas = [...document.querySelectorAll('[data-testid="ledger-delta"]')].map((node) => node.textContent ?? '')
    return deltas.length > 0 && deltas.every((delta) => delta.startsWith('−'))
  })
  await screenshot(page, 'membership-07-ledger-spent')

  await page.goto('/packages/membership/levels/index')
  await page.getByText('活跃会员').first().waitFor()
  await page
    .getByText(/资深会员/)
    .first()
    .waitFor()
  await screenshot(page, 'membership-08-levels')
  await expectBannerReadable(page, 'levels header', [
    /^V\d$/,
    /^成长值 /,
    /^还差 /,
    '兑换礼品不消耗成长值，等级不会因此降低；订单退款会收回该订单所得的成长值',
  ])
  phone.expectNoErrors()
})
