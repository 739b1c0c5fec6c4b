// The H5 production build boots on a phone-sized Chromium against the mock API: the cheapest
// proof that the bundle is not a blank page (the failure mode of a bad transpile, see taro-notes).
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
  stack = await startStack()
  phone = await launchPhone({ baseURL: stack.baseUrl })
})

afterAll(closeAll)

test('the app opens at / and shows content with no page errors', async () => {
  const response = await phone.page.goto('/')
  expect(response?.status()).toBe(200)

  const text = await waitForContent(phone.page)
  expect(text.length).toBeGreaterThan(0)
  await screenshot(phone.page, 'smoke-home')

  expect(phone.problems.filter((p) => p.kind === 'pageerror')).toEqual([])

  // The tab bar's icons are files (config/index.ts keeps images out of the first-screen JS): each one loads.
  const icons = await phone.page.$$eval('.weui-tabbar__icon, .taro-tabbar__icon, img', (images) =>
    images
      .filter((image): image is HTMLImageElement => image instanceof HTMLImageElement && image.src.includes('tab-bar'))
      .map((image) => ({ src: image.src, loaded: image.complete && image.naturalWidth > 0 })),
  )
  expect(icons.length).toBeGreaterThanOrEqual(4)
  expect(icons.filter((icon) => !icon.loaded)).toEqual([])
})

test('a deep link with a query string reaches the app (history fallback)', async () => {
  const page = await phone.newPage()
  await page.goto('/pages/home/index?ref=SMOKE')
  expect(new URL(page.url()).searchParams.get('ref')).toBe('SMOKE')
  await waitForContent(page)
  expect(phone.problems.filter((p) => p.kind === 'pageerror')).toEqual([])
  await page.close()
})

test('the mock API answers through the app origin, as the app calls it', async () => {
  const health = await fetch(`${stack.appApiBase}/health`)
  expect(health.status).toBe(200)
})
