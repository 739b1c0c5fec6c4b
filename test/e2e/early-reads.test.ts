// Early reads (config/early-reads.ts): index.html starts a visitor's first reads of the tab it opens, and the app's
// own first request for each takes that answer. Each tab is opened cold in a fresh browser context: every early
// read must be adopted by the app (so the table is the app's real first requests) and reach the server once (so
// nothing is asked twice). A member who is signed in gets no early reads.
import type { Request } from 'playwright-core'
import { EARLY_READS } from '../../config/early-reads'
import { closeAll, E2E_TEST_TIMEOUT_MS, launchPhone, startStack, visible, type Stack } from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS)

let stack: Stack

beforeAll(async () => {
  stack = await startStack()
})

afterAll(closeAll)

const TAB_TEST_IDS: Record<string, string> = {
  'pages/home/index': 'home-page',
  'pages/community/index': 'community-page',
  'pages/mall/index': 'mall-page',
}

test.each(Object.entries(EARLY_READS))(
  'a visitor opening %s gets its first reads started by the page',
  async (page, paths) => {
    const phone = await launchPhone({ baseURL: stack.baseUrl })
    const asked: string[] = []
    phone.page.on('request', (request: Request) => {
      if (request.url().includes('/api/v1/')) asked.push(request.url())
    })
    await phone.page.goto(`/${page}`)
    await visible(phone.page, TAB_TEST_IDS[page] ?? '').waitFor()
    const urls = paths.map((path) => `${stack.appApiBase}${path}`)
    // Every early read is one the app asked for (adopted), within the page's first load.
    await phone.page.waitForFunction(
      (expected) => {
        const status = (window as unknown as { __fanloopEarlyReads?: Record<string, string> }).__fanloopEarlyReads
        return expected.every((url) => status?.[url] === 'adopted')
      },
      urls,
      { timeout: 15_000 },
    )
    for (const url of urls) expect(asked.filter((seen) => seen === url)).toHaveLength(1)
    expect(phone.problems.filter((problem) => problem.kind === 'pageerror')).toEqual([])
    await phone.context.close()
  },
)

test('a signed-in member gets no early reads (their reads carry their token)', async () => {
  const phone = await launchPhone({ baseURL: stack.baseUrl })
  const response = await fetch(`${stack.apiBase}/__mock/persona`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'kol-distributor' }),
  })
  const { token } = (await response.json()) as { token: string }
  await phone.context.addInitScript((sessionToken: string) => {
    const state = { state: { token: sessionToken, installId: 'e2e-early-reads' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, token)
  await phone.page.goto('/pages/home/index')
  await visible(phone.page, 'home-page').waitFor()
  expect(await phone.page.evaluate(() => '__fanloopEarlyReads' in window)).toBe(false)
  await phone.context.close()
})
