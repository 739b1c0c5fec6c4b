// A phone-sized Chromium (Debian's; playwright's own browser downloads fail on these machines,
// see taro-notes) that records every console error, uncaught page error and failed request, so a
// journey can end with `phone.expectNoErrors()` instead of trusting what the screen happens to show.
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { track, withTimeout } from './cleanup'
import { screenshotsDir } from './paths'

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Chromium asks every origin for /favicon.ico; its absence is not something a journey tests.
const ALWAYS_IGNORED = [/\/favicon\.ico$/]

// Lets waitForContent() explain a blank page with what the browser said.
const problemsOf = new WeakMap<Page, PageProblem[]>()

export type PageProblem = { kind: 'console' | 'pageerror' | 'requestfailed'; page: string; text: string }

export type Phone = {
  browser: Browser
  context: BrowserContext
  /** The first tab; `newPage()` opens more, all watched the same way. */
  page: Page
  /** Everything that went wrong so far, in order. */
  problems: PageProblem[]
  newPage(): Promise<Page>
  /** Throws with the full list when any problem not matched by `ignore` happened. */
  expectNoErrors(ignore?: RegExp[]): void
  close(): Promise<void>
}

export type PhoneOptions = {
  /** Usually `stack.baseUrl`, so tests can `page.goto('/pages/home/index')`. */
  baseURL?: string
  /** Console/request messages that are expected in this test (e.g. a deliberate 401). */
  ignore?: RegExp[]
}

export async function launchPhone({ baseURL, ignore = [] }: PhoneOptions = {}): Promise<Phone> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  }
  // launch() gives every browser a fresh temporary profile and deletes it on close: no storage,
  // session or service worker carries over from another test.
  const browser = await withTimeout(
    chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS }),
    60_000,
    'launching Chromium',
  )
  const closeBrowser = track('Chromium', () => browser.close())
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(30_000)

  const problems: PageProblem[] = []
  const watch = (page: Page) => {
    problemsOf.set(page, problems)
    const where = () => page.url()
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // "Failed to load resource" names its URL only in the location.
      const source = message.location().url
      const text =
        message.text().startsWith('Failed to load resource') && source ? `${message.text()}: ${source}` : message.text()
      problems.push({ kind: 'console', page: where(), text })
    })
    page.on('pageerror', (error) => {
      problems.push({ kind: 'pageerror', page: where(), text: error.stack ?? error.message })
    })
    page.on('requestfailed', (request) => {
      // Navigations away from a page abort its pending requests; that is not a failure.
      const reason = request.failure()?.errorText ?? ''
      if (reason.includes('ERR_ABORTED')) return
      problems.push({ kind: 'requestfailed', page: where(), text: `${request.method()} ${request.url()}: ${reason}` })
    })
  }
  context.on('page', watch)
  const page = await context.newPage()

  return {
    browser,
    context,
    page,
    problems,
    newPage: () => context.newPage(),
    expectNoErrors(extraIgnore = []) {
      const patterns = [...ALWAYS_IGNORED, ...ignore, ...extraIgnore]
      const real = problems.filter((p) => !patterns.some((pattern) => pattern.test(p.text)))
      if (real.length) {
        throw new Error(
          `the browser reported ${real.length} problem(s):\n${real.map((p) => `  [${p.kind}] ${p.text} (at ${p.page})`).join('\n')}`,
        )
      }
    },
    close: closeBrowser,
  }
}

/** Saves what the phone shows as test-results/screenshots/<name>.png and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true })
  const file = path.join(screenshotsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`)
  // Let page transitions finish so the picture shows one page, not two sliding past each other
  // (endless animations such as the skeleton shimmer are not waited for).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  )
  // One image pixel per CSS pixel (390x844), legible for a person reviewing the journeys: the phone's 3x pixels took
  // 0.4-0.5 s to capture and encode each, 78 ms this way, and the journeys save over a hundred.
  await page.screenshot({ path: file, scale: 'css' })
  return file
}

/** Waits until the page shows some text: a blank white page is the typical broken-bundle symptom. */
export async function waitForContent(page: Page, timeout = 15_000): Promise<string> {
  try {
    await page.waitForFunction(() => (document.body?.innerText ?? '').trim().length > 0, undefined, { timeout })
  } catch (error) {
    // "Timeout exceeded" alone says nothing; what the browser reported usually names the cause.
    const seen = (problemsOf.get(page) ?? []).map((p) => `  [${p.kind}] ${p.text.split('\n')[0]}`)
    throw new Error(
      `${page.url()} stayed blank for ${timeout / 1000} s.` +
        (seen.length
          ? `\nThe browser reported:\n${seen.join('\n')}`
          : `\nThe browser reported no error. (${String(error)})`),
    )
  }
  return page.evaluate(() => document.body.innerText.trim())
}
