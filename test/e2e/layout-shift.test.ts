// A tab's first load must not move under the reader's eyes (issue #11: CLS ≤ 0.05; home and the 社区 feed). Layout shift is not a timing
// figure: it depends on which boxes change size when data arrives, so it is tested here, in the browser, while
// speed is left to the benchmark. The answers the first screen waits for are made to arrive one at a time, in
// the order that moved the page most (brand config last), so each one renders in a frame of its own and any box
// that grows on arrival is counted; a fast machine that merged them into one frame could hide a shift.
import type { Browser, Page } from 'playwright-core'
import { closeAll, E2E_TEST_TIMEOUT_MS, launchPhone, screenshot, startStack, type Phone, type Stack } from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS)

const CLS_LIMIT = 0.05
/** When each first-screen answer is let through, after the request (ms). */
const ARRIVALS: [RegExp, number][] = [
  [/\/api\/v1\/gifts(\?|$)/, 300],
  [/\/api\/v1\/posts(\?|$)/, 700],
  [/\/api\/v1\/events(\?|$)/, 900],
  [/\/api\/v1\/app\/config(\?|$)/, 1100],
]

/** Each tab, and what is on its first screen once everything it asked for has rendered. */
const TABS: { name: string; path: string; loaded: string[] }[] = [
  { name: 'home', path: '/pages/home/index', loaded: ['gift-card', 'post-card'] },
  { name: 'the 社区 feed', path: '/pages/community/index', loaded: ['challenge-pinned', 'post-card'] },
]
const PHONES = [
  { phone: 'the journeys’ phone, 390x844', size: { width: 390, height: 844, scale: 3 } },
  { phone: 'Lighthouse’s phone, 412x823', size: { width: 412, height: 823, scale: 1.75 } },
]

type Shift = { value: number; hadRecentInput: boolean; sources: string[] }

let stack: Stack
let phone: Phone

beforeAll(async () => {
  stack = await startStack()
  phone = await launchPhone({ baseURL: stack.baseUrl })
})

afterAll(closeAll)

/** A fresh tab (fresh storage and cache: a first visit) of the given size, with the staggered answers. */
async function firstVisit(browser: Browser, size: { width: number; height: number; scale: number }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: stack.baseUrl,
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  for (const [pattern, delay] of ARRIVALS) {
    await context.route(pattern, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delay))
      await route.continue().catch(() => undefined)
    })
  }
  return context.newPage()
}

/** Every layout shift of the page so far (the browser keeps them buffered), with what moved. */
async function layoutShifts(page: Page): Promise<Shift[]> {
  // A string, not a function: the browser runs it as written (no transpiler helpers in it).
  return page.evaluate(`new Promise((resolve) => {
    const shifts = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        shifts.push({
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          sources: (entry.sources || []).map((source) => {
            const node = source.node
            const name = !node ? '(removed node)' : node.nodeType === 1
              ? node.tagName.toLowerCase() + '.' + String(node.className).trim().split(/\\s+/).join('.')
              : node.nodeName
            const box = (rect) => [rect.x, rect.y, rect.width, rect.height].map(Math.round).join(',')
            return name + ' [' + box(source.previousRect) + '] -> [' + box(source.currentRect) + ']'
          }),
        })
      }
    }).observe({ type: 'layout-shift', buffered: true })
    setTimeout(() => resolve(shifts), 200)
  })`)
}

test.each(TABS.flatMap((tab) => PHONES.map((phoneSize) => ({ ...tab, ...phoneSize }))))(
  '$name: the first load shifts its layout by at most 0.05 ($phone)',
  async ({ name, path, loaded, phone: phoneName, size }) => {
    const page = await firstVisit(phone.browser, size)
    await page.goto(path)
    // Everything the first screen loads has arrived and rendered (the brand's config too), no skeleton left.
    await page.waitForFunction(
      (testIds) =>
        document.querySelector('.page-shell[style*="--color-primary"]') !== null &&
        testIds.every((testId) => document.querySelector(`[data-testid="${testId}"]`) !== null) &&
        document.querySelectorAll('[aria-busy="true"], [data-testid="challenge-skeleton"]').length === 0,
      loaded,
    )
    // Let late work (images, fonts, the tab bar's icons) land and its frames be painted.
    await page.waitForTimeout(800)
    const shifts = (await layoutShifts(page)).filter((shift) => !shift.hadRecentInput)
    const cumulative = shifts.reduce((sum, shift) => sum + shift.value, 0)
    await screenshot(page, `layout-shift-${path.split('/')[2]}-${size.width}`)
    // The message names what moved, so a failure says where to look.
    if (cumulative > CLS_LIMIT) {
      throw new Error(
        `${name}, ${phoneName}: cumulative layout shift ${cumulative.toFixed(4)} > ${CLS_LIMIT}:\n` +
          shifts.map((shift) => `  ${shift.value.toFixed(4)}: ${shift.sources.join('; ')}`).join('\n'),
      )
    }
    expect(cumulative).toBeLessThanOrEqual(CLS_LIMIT)
    await page.context().close()
  },
)
