// A brand whose primary colour is light carries dark text on it (primaryTextColor). The chips on its gradient
// banners (the member card's level badge, the levels page's badge, the points warning) must then read in
// that dark text at WCAG AA against every stop of the gradient: a chip that darkens the gradient, as white text wants,
// pulls dark text under AA at the accent end of a theme the config check passes.
import type { Page } from 'playwright-core'
import { seedConfig } from '../../mock/seed/config'
import { expectReadableOnGradients } from './support/gradient-contrast'
import { callApi, closeAll, E2E_TEST_TIMEOUT_MS, launchPhone, screenshot, startStack, visible } from './support'
import type { Phone, Stack } from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS)

// Dark text at 5.5:1 on the accent end, 13:1 on the primary end: what mock/config-check.ts asks of a theme.
const LIGHT_BRAND = { primaryColor: '#FFD400', primaryTextColor: '#222222', accentColor: '#D08A00' }
const DARK_TEXT = 'rgb(34, 34, 34)'

let stack: Stack
let phone: Phone

beforeAll(async () => {
  const config = seedConfig()
  stack = await startStack({ config: { ...config, theme: { ...config.theme, ...LIGHT_BRAND } } })
  phone = await launchPhone({ baseURL: stack.baseUrl })
  // A V3 with points about to expire: the points page shows its warning chip.
  const { token } = (await callApi(stack.apiBase, 'POST', '/__mock/persona', { body: { id: 'points-expiring' } })) as {
    token: string
  }
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-light-brand-install' }, version: 0 }
    // Taro's H5 storage wraps every value as { data }.
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, token)
})

afterAll(closeAll)

/** The chip's text is drawn in the brand's primaryTextColor and reads at AA against each stop of its banner. */
async function expectChipReadable(page: Page, where: string, chipClass: string, text: string | RegExp): Promise<void> {
  const measured = await expectReadableOnGradients(page, where)
  const chip = measured.find(
    (item) =>
      item.where.split(/\s+/).includes(chipClass) &&
      (typeof text === 'string' ? item.text === text : text.test(item.text)),
  )
  expect(chip).toBeDefined()
  expect(chip?.color).toBe(DARK_TEXT)
}

test('the member card’s level badge reads in the brand’s dark text', async () => {
  const page = phone.page
  await page.goto('/pages/me/index')
  await visible(page, 'member-card').waitFor()
  await page.waitForFunction(() => document.querySelector('.page-shell[style*="#FFD400"]') !== null)
  await screenshot(page, 'light-brand-01-member-card')
  await expectChipReadable(page, 'me member card', 'member-card__badge', 'V3')
  phone.expectNoErrors()
})

test('the points warning and the levels badge read in the brand’s dark text', async () => {
  const page = phone.page
  await page.goto('/packages/membership/points/index')
  await visible(page, 'points-expiring').waitFor()
  await screenshot(page, 'light-brand-02-points')
  await expectChipReadable(page, 'points summary', 'points-summary__warning', /积分将于/)

  await page.goto('/packages/membership/levels/index')
  await visible(page, 'level-badge').waitFor()
  await screenshot(page, 'light-brand-03-levels')
  await expectChipReadable(page, 'levels header', 'level-overview__badge', 'V3')
  phone.expectNoErrors()
})

test('the community’s own buttons wear the brand, not the seed’s red', async () => {
  const page = phone.page
  const colours = async (testId: string) =>
    visible(page, testId).evaluate((element) => {
      const style = getComputedStyle(element)
      return { background: style.backgroundColor, text: getComputedStyle(element.firstElementChild ?? element).color }
    })
  const brand = { background: 'rgb(255, 212, 0)', text: DARK_TEXT }
  await page.goto('/pages/community/index')
  await visible(page, 'compose-entry').waitFor()
  expect(await colours('compose-entry')).toEqual(brand)
  await visible(page, 'post-card').first().click()
  await visible(page, 'comment-send').waitFor()
  await screenshot(page, 'light-brand-04-post')
  expect(await colours('comment-send')).toEqual(brand)
  phone.expectNoErrors()
})
