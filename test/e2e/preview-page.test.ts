// Issue #10 on the desktop preview page (GET /__preview on the mock, its tools on) framing the H5 build WITH the
// preview console (`npm run build:h5-preview`, dist/h5-preview): an operator switches the phone to each persona and
// sees its state, picks a device size, moves the server's clock a day, and watches a KOL and her fan side by side
// on the one server clock while the fan buys through her link. The server runs a config with a warning, which the
// page and the console in the phone both show. Screenshots of the whole page under test-results/screenshots.
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import type { AppConfig } from '../../src/contract/all'
import { startMockServer, type MockServer } from '../../mock/server'
import { seedConfig } from '../../mock/seed/config'
import { track } from './support/cleanup'
import {
  closeAll,
  E2E_TEST_TIMEOUT_MS,
  launchPhone,
  repoRoot,
  screenshot,
  startStaticServer,
  type PageProblem,
  type Phone,
  type StaticServer,
  visible,
  pageInFront,
  callApi,
} from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2)

const distH5Preview = path.join(repoRoot, 'dist/h5-preview')
const KOL_CODE = 'LINA88'
const PRODUCT_ID = 'p-cleanser'

/** A setting the check warns about but the server runs with: paid plans granting distribution (H5 only). */
const configWithWarning = (): AppConfig => {
  const config = seedConfig()
  return { ...config, distribution: { ...config.distribution, routes: { ...config.distribution.routes, plan: true } } }
}

let mock: MockServer
let web: StaticServer
let webB: StaticServer
let phone: Phone
let context: BrowserContext
let page: Page
const problems: PageProblem[] = []

const api = (method: string, apiPath: string, body?: unknown, token?: string) =>
  callApi(mock.apiBase, method, apiPath, { body, token })

const serverNow = async () => Date.parse(((await api('GET', '/__mock/clock')) as { now: string }).now)
const fen = (amount: number) => `¥${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`
const kolPendingFen = async () => {
  const { token } = (await api('POST', '/__mock/persona', { id: 'kol-distributor' })) as { token: string }
  const overview = (await api('GET', '/distribution/overview', undefined, token)) as {
    commission: { pendingFen: number }
  }
  return overview.commission.pendingFen
}

/** The app inside phone `index` (0 = 手机 A, 1 = 手机 B); looked up each time, as the page rebuilds its frames. */
async function phoneFrame(index: number): Promise<Frame> {
  const handle = await page.locator(`[data-testid="phone-${index}"] iframe`).elementHandle()
  const frame = await handle?.contentFrame()
  if (!frame) throw new Error(`phone ${index} has no frame`)
  return frame
}

/** Opens a page of the app inside a phone, keeping that phone's session (its own origin's storage). */
async function openInPhone(index: number, route: string, frontTestId: string): Promise<Frame> {
  const frame = await phoneFrame(index)
  await frame.goto(`${new URL(frame.url()).origin}${route}`)
  await pageInFront(frame, frontTestId)
  return frame
}

/**
 * Picks a persona for a phone with the page's own picklist, as an operator does, and waits until the page says the
 * phone has switched (the app answered once the session was stored, however long its frame took to load).
 */
async function choosePersona(index: number, id: string): Promise<void> {
  const select = page.locator(`[data-testid="persona-${index}"]`)
  if ((await select.inputValue()) === id) return
  await select.selectOption(id)
  const title = (await select.locator('option:checked').textContent()) ?? id
  await page
    .locator('#status')
    .getByText(`${index === 0 ? '手机 A' : '手机 B'}：已切换为${title}`)
    .waitFor()
}

/** The time the page shows (minutes), as an instant in the brand's zone (+08:00). */
const shownTime = async (locator: ReturnType<Page['locator']> | ReturnType<Frame['locator']>) =>
  Date.parse(`${((await locator.textContent()) ?? '').trim().replace(' ', 'T')}:00+08:00`)

beforeAll(async () => {
  if (!fs.existsSync(path.join(distH5Preview, 'index.html'))) {
    throw new Error(`${distH5Preview}/index.html not found: run npm run build:h5-preview first`)
  }
  mock = await startMockServer({ port: 0, storeKind: 'memory', config: configWithWarning(), log: () => undefined })
  track('mock server', () => mock.close())
  web = await startStaticServer({ root: distH5Preview, apiTarget: new URL(mock.url).origin })
  track('H5 preview static server', () => web.close())
  // The second phone's origin: another port of the same host, as `npm start` gives it (scripts/start.mjs).
  webB = await startStaticServer({ root: distH5Preview, apiTarget: new URL(mock.url).origin })
  track('H5 preview static server B', () => webB.close())
  phone = await launchPhone()
  // The preview page is a desktop page: a desktop window, the phones are its frames.
  context = await phone.browser.newContext({
    viewport: { width: 1500, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(30_000)
  page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push({ kind: 'console', page: page.url(), text: `${message.text()} ${message.location().url}` })
  })
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', page: page.url(), text: error.message }))
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? ''
    if (!reason.includes('ERR_ABORTED'))
      problems.push({
        kind: 'requestfailed',
        page: page.url(),
        text: `${request.method()} ${request.url()}: ${reason}`,
      })
  })
  const query = new URLSearchParams({ app: `${web.url}/`, appB: `${webB.url}/`, a: 'streak-day6', b: 'kol-fan' })
  await page.goto(`${mock.url}/__preview?${query}`)
  await page.locator('[data-testid="phone-1"] iframe').waitFor()
})

afterEach(() => {
  // Favicons aside, nothing the page or either phone did may have failed. (The KOL center asks the server for the
  // overview whoever is signed in, and a member without distribution rights is refused: that is the page's design.)
  const real = problems
    .splice(0)
    .filter((problem) => !/favicon\.ico|403 \(Forbidden\) \S+\/api\/v1\/distribution\/overview$/.test(problem.text))
  if (real.length) throw new Error(`the browser reported:\n${real.map((p) => `  [${p.kind}] ${p.text}`).join('\n')}`)
})

afterAll(closeAll)

test('the page shows the server time and the warnings of the config in force, and so does the console in the phone', async () => {
  const now = await serverNow()
  await page
    .getByTestId('server-time')
    .getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    .waitFor()
  expect(Math.abs((await shownTime(page.getByTestId('server-time'))) - now)).toBeLessThan(2 * 60_000)
  const findings = page.locator('#findings')
  await findings.getByText('distribution.routes.plan', { exact: false }).waitFor()
  expect(await findings.textContent()).toContain('WeChat forbids a paid entry to distribution')
  expect(await findings.textContent()).not.toContain('当前配置没有问题')

  // The persona picklist: every seeded persona the server lists, and a visitor.
  const personas = ((await api('GET', '/__mock/personas')) as { items: { id: string }[] }).items.map((p) => p.id)
  expect(personas).toEqual(
    expect.arrayContaining(['streak-day6', 'points-expiring', 'kol-distributor', 'post-rejected']),
  )
  const options = await page
    .locator('[data-testid="persona-0"] option')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value))
  expect(options).toEqual([...personas, 'visitor'])

  // The console inside phone A: the same server time and the same warning.
  const app = await phoneFrame(0)
  await pageInFront(app, 'home-page')
  await visible(app, 'preview-console-open').click()
  const inPhone = visible(app, 'preview-config-findings')
  await inPhone.getByText('distribution.routes.plan', { exact: false }).waitFor()
  await visible(app, 'preview-server-time')
    .getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    .waitFor()
  expect(
    Math.abs(
      (await shownTime(visible(app, 'preview-server-time'))) - (await shownTime(page.getByTestId('server-time'))),
    ),
  ).toBeLessThanOrEqual(60_000)
  await screenshot(page, 'preview-01-config-warnings')
  await app.locator('[aria-label="关闭"]:visible').click()
})

test('one phone at iPhone SE size: each persona shows its own state, the visitor is asked to sign in', async () => {
  await page.locator('#two-phones').uncheck()
  await page.locator('#device').selectOption('375x667')
  await expect(page.locator('[data-testid="phone-1"]').count()).resolves.toBe(0)
  const frameElement = page.locator('[data-testid="phone-0"] iframe')
  expect(await frameElement.getAttribute('width')).toBe('375')
  let app = await phoneFrame(0)
  await pageInFront(app, 'home-page')
  expect(await app.evaluate(() => window.innerWidth)).toBe(375)

  // A V2 on day 6 of a streak: five days so far, today's step is day 6.
  await visible(app, 'checkin-button').waitFor()
  expect(await visible(app, 'checkin-streak').textContent()).toBe('已连续签到 5 天')
  expect(await visible(app, 'reward-ladder').locator('.reward-ladder__day').first().textContent()).toBe('第6天')
  await screenshot(page, 'preview-02-streak-day6')

  // A member whose points expire this month: the points page warns, switched to while it is on screen.
  app = await openInPhone(0, '/packages/membership/points/index', 'points-page')
  await expect(visible(app, 'points-expiring').count()).resolves.toBe(0)
  await choosePersona(0, 'points-expiring')
  await visible(app, 'points-expiring').getByText('800', { exact: false }).waitFor()
  expect(await visible(app, 'points-expiring').textContent()).toMatch(/过期/)
  await screenshot(page, 'preview-03-points-expiring')

  // The V4 KOL: her center with the pending commission the server holds.
  app = await openInPhone(0, '/packages/distribution/center/index', 'kol-center-page')
  // Still the member of the points page, who has no distribution rights (the server refuses her the overview).
  await visible(app, 'kol-not-distributor').waitFor()
  await choosePersona(0, 'kol-distributor')
  await visible(app, 'kol-center').waitFor()
  const pending = await kolPendingFen()
  expect(pending).toBeGreaterThan(0)
  await visible(app, 'kol-pending').getByText(fen(pending), { exact: true }).waitFor()
  expect(await visible(app, 'kol-referral-code').textContent()).toContain(KOL_CODE)
  await screenshot(page, 'preview-04-kol-center')

  // The member whose post was turned down: 我的笔记 shows it 未通过, with the review's reason.
  app = await openInPhone(0, '/packages/community/my-posts/index', 'my-posts-page')
  // Lina's own posts first, all published.
  await app.locator('[data-testid="my-post"]:visible').first().waitFor()
  await expect(app.locator('[data-testid="my-post"][data-status="rejected"]:visible').count()).resolves.toBe(0)
  await choosePersona(0, 'post-rejected')
  const rejected = app.locator('[data-testid="my-post"][data-status="rejected"]:visible')
  await rejected.waitFor()
  expect(await rejected.textContent()).toContain('未通过')
  expect(await rejected.locator('[data-testid="my-post-reason"]').textContent()).toContain('内容包含违规词「刷单」')
  await screenshot(page, 'preview-05-post-rejected')

  // A new member, then a visitor: no points yet; then the sign-in prompt where the member card was.
  app = await openInPhone(0, '/pages/home/index', 'home-page')
  await choosePersona(0, 'new-member')
  await visible(app, 'checkin-streak').getByText('今天签到，开启连签').waitFor()
  await choosePersona(0, 'visitor')
  await visible(app, 'sign-in-prompt').waitFor()
  await expect(visible(app, 'checkin-card').count()).resolves.toBe(0)
  await screenshot(page, 'preview-06-visitor')
})

test('+1 天 on the page: the checked-in card opens again for the new day and the streak goes on, without a reload', async () => {
  await choosePersona(0, 'streak-day6')
  const app = await openInPhone(0, '/pages/home/index', 'home-page')
  await visible(app, 'checkin-button').click()
  await visible(app, 'checkin-done').waitFor()
  expect(await visible(app, 'checkin-streak').textContent()).toBe('已连续签到 6 天')
  await screenshot(page, 'preview-07-checked-in-day6')
  // Marks this document: a reload would lose it.
  await app.evaluate(() => ((window as { previewMark?: number }).previewMark = 1))
  const before = await serverNow()

  await page.locator('button[data-advance-days="1"]').click()
  await page.locator('#status').getByText('时钟已前进', { exact: false }).waitFor()
  // The new business day: check-in is open again, the streak still 6 and today's step is day 7 (the bonus).
  await visible(app, 'checkin-button').waitFor()
  expect(await visible(app, 'checkin-streak').textContent()).toBe('已连续签到 6 天')
  expect(await visible(app, 'reward-ladder').locator('.reward-ladder__day').first().textContent()).toBe('第7天')
  expect(await app.evaluate(() => (window as { previewMark?: number }).previewMark)).toBe(1)
  const after = await serverNow()
  expect(after - before).toBeGreaterThanOrEqual(24 * 3600_000)
  expect(after - before).toBeLessThan(24 * 3600_000 + 60_000)
  expect(Math.abs((await shownTime(page.getByTestId('server-time'))) - after)).toBeLessThan(2 * 60_000)
  await screenshot(page, 'preview-08-next-day')

  await visible(app, 'checkin-button').click()
  await visible(app, 'checkin-done').waitFor()
  expect(await visible(app, 'checkin-streak').textContent()).toBe('已连续签到 7 天')
})

test('two phones side by side, one server clock: the fan buys through the KOL’s link and the KOL sees the commission', async () => {
  await page.locator('#device').selectOption('390x844')
  await page.locator('#two-phones').check()
  await page.locator('[data-testid="phone-1"] iframe').waitFor()
  await choosePersona(0, 'kol-distributor')
  await choosePersona(1, 'kol-fan')
  // Two sessions: the phones load the app from two loopback names, so each keeps its own storage.
  const [kolOrigin, fanOrigin] = [
    new URL((await phoneFrame(0)).url()).origin,
    new URL((await phoneFrame(1)).url()).origin,
  ]
  expect(kolOrigin).not.toBe(fanOrigin)

  const kol = await openInPhone(0, '/packages/distribution/center/index', 'kol-center-page')
  const before = await kolPendingFen()
  await visible(kol, 'kol-pending').getByText(fen(before), { exact: true }).waitFor()

  const fan = await openInPhone(1, `/packages/orders/product/index?id=${PRODUCT_ID}&ref=${KOL_CODE}`, 'product-page')
  await visible(fan, 'product-ref').getByText(`来自推荐码 ${KOL_CODE} 的分享`).waitFor()
  await screenshot(page, 'preview-09-kol-and-fan')

  // Both consoles read the one server clock.
  for (const frame of [kol, fan]) {
    await visible(frame, 'preview-console-open').click()
    await visible(frame, 'preview-server-time')
      .getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
      .waitFor()
  }
  const [kolTime, fanTime] = [
    await shownTime(visible(kol, 'preview-server-time')),
    await shownTime(visible(fan, 'preview-server-time')),
  ]
  expect(Math.abs(kolTime - fanTime)).toBeLessThanOrEqual(60_000)
  expect(Math.abs(kolTime - (await serverNow()))).toBeLessThan(2 * 60_000)
  for (const frame of [kol, fan]) await frame.locator('[aria-label="关闭"]:visible').click()

  await visible(fan, 'product-buy').getByText('立即购买（模拟支付）').click()
  await visible(fan, 'order-paid').waitFor()
  const after = await kolPendingFen()
  expect(after).toBeGreaterThan(before)

  // The operator refreshes the phones from the page: the KOL's center shows the new pending commission.
  await page.locator('#refresh-phones').click()
  await visible(kol, 'kol-pending').getByText(fen(after), { exact: true }).waitFor()
  await screenshot(page, 'preview-10-kol-sees-commission')
})
