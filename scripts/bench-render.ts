// `npm run bench:render [-- --no-build] [-- --posts 5000] [-- --comments 500]`: how many DOM elements each tab page
// holds once its data has loaded, and how the 社区 feed and a post page render with a lot behind them
// (`--comments 0` leaves the post page out; `npm run bench` does, to fit its time limit). `--seed service` places
// the posts with the server's own seeding function in one transaction instead of one API request each (seconds
// instead of minutes; `npm run bench` uses it). The H5 production build and an in-memory mock server (the e2e harness), a feed
// of N posts and a post with M comments made through the server's routes (scripts/lib/community-seed.ts), then
// headless Chromium at 390x844 scrolls each to the very end with the mouse wheel, loading page after page. It
// reports the largest number of DOM elements seen at any frame (goal ≤ 600: the virtual lists keep only the cards
// near the screen) and the time between frames while scrolling. A measurement, not a test: headless Chromium
// without a GPU on a shared 2-core machine, so frame times are rough; the node counts are exact.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { table } from './lib/table.mjs'
import { placePosts, prepareAuthors, seedCommentedPost, seedPosts } from './lib/community-seed'

const repoRoot = path.resolve(__dirname, '..')
const resultsDir = path.join(repoRoot, 'bench-results')
const NODE_GOAL = 600

const argValue = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`)
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number`)
  return value
}
const POSTS = argValue('posts', 5000)
const COMMENTS = (() => {
  const at = process.argv.indexOf('--comments')
  return at >= 0 && process.argv[at + 1] === '0' ? 0 : argValue('comments', 500)
})()
const SEED_MODE = process.argv.includes('--seed') ? process.argv[process.argv.indexOf('--seed') + 1] : 'http'
if (SEED_MODE !== 'http' && SEED_MODE !== 'service') throw new Error('--seed takes http or service')
const TAB_PAGES = ['pages/home/index', 'pages/community/index', 'pages/mall/index', 'pages/me/index']

type TabCount = { page: string; domNodes: number }

/** A tab page after its requests have settled: the elements it keeps for the first screen. */
async function countTab(page: Page, tab: string): Promise<TabCount> {
  await page.goto(`/${tab}`, { waitUntil: 'networkidle', timeout: 60_000 })
  // Let React commit what the last answers brought.
  await page.waitForTimeout(500)
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length)
  return { page: tab, domNodes }
}

type Measure = {
  page: string
  items: string
  maxDomNodes: number
  frames: number
  frameP50: number
  frameP95: number
  frameP99: number
  frameMax: number
  longFrames: number
  scrollSeconds: number
  pagesLoaded: number
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)

/** In the page: every animation frame, the time since the last one and the number of elements. */
async function startSampling(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap a named function in its `__name` helper, which the page lacks.
  await page.evaluate(`(() => {
    const state = { frames: [], maxNodes: 0, last: performance.now(), running: true }
    window.__bench = state
    const tick = (now) => {
      state.frames.push(now - state.last)
      state.last = now
      state.maxNodes = Math.max(state.maxNodes, document.getElementsByTagName('*').length)
      if (state.running) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
}

async function stopSampling(page: Page): Promise<{ frames: number[]; maxNodes: number }> {
  return page.evaluate(() => {
    const state = (window as unknown as { __bench: { frames: number[]; maxNodes: number; running: boolean } }).__bench
    state.running = false
    return { frames: state.frames.slice(1), maxNodes: state.maxNodes }
  })
}

/** Wheel down until the list's footer says there is no more and the page is at its bottom. */
async function scrollToEnd(
  page: Page,
  pageTestId: string,
  apiPath: RegExp,
): Promise<{ seconds: number; loads: number }> {
  let loads = 0
  page.on('response', (response) => {
    if (apiPath.test(new URL(response.url()).pathname)) loads += 1
  })
  const started = Date.now()
  for (let step = 0; step < 100_000; step += 1) {
    await page.mouse.wheel(0, 1200)
    await page.waitForTimeout(16)
    const atEnd = await page.evaluate((testId) => {
      const shown = [...document.querySelectorAll(`[data-testid="${testId}"]`)].find(
        (element) => element.getBoundingClientRect().width > 0,
      )
      const footer = shown?.querySelector('[data-testid="list-footer"]')
      const isLastPage = Boolean(footer && !footer.querySelector('[role="button"]'))
      return isLastPage && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
    }, pageTestId)
    if (atEnd) break
    if (Date.now() - started > 15 * 60_000) throw new Error(`${pageTestId}: not at the end after 15 minutes`)
  }
  return { seconds: (Date.now() - started) / 1000, loads }
}

async function measure(page: Page, url: string, pageTestId: string, items: string, apiPath: RegExp): Promise<Measure> {
  await page.goto(url)
  await page.locator(`[data-testid="${pageTestId}"] [data-testid="list-footer"]`).first().waitFor({ timeout: 60_000 })
  await startSampling(page)
  const { seconds, loads } = await scrollToEnd(page, pageTestId, apiPath)
  const { frames, maxNodes } = await stopSampling(page)
  const sorted = [...frames].sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return {
    page: url,
    items,
    maxDomNodes: maxNodes,
    frames: frames.length,
    frameP50: round(percentile(sorted, 50)),
    frameP95: round(percentile(sorted, 95)),
    frameP99: round(percentile(sorted, 99)),
    frameMax: round(sorted[sorted.length - 1] ?? 0),
    longFrames: frames.filter((ms) => ms > 50).length,
    scrollSeconds: Math.round(seconds),
    pagesLoaded: loads,
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    console.log('building dist/h5 …')
    const built = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: repoRoot, stdio: 'ignore' })
    if (built.status !== 0) throw new Error('npm run build:h5 failed')
  }
  // The e2e harness stops everything after 5 minutes by default; seeding and scrolling thousands take longer.
  process.env.E2E_HARD_TIMEOUT_MS ??= String(60 * 60_000)
  const { startStack } = await import('../test/e2e/support/stack')
  const { closeAll } = await import('../test/e2e/support/cleanup')
  const stack = await startStack()
  try {
    const call = async (
      method: string,
      apiPath: string,
      options: { token?: string; body?: unknown; key?: string } = {},
    ) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      if (options.token) headers.Authorization = `Bearer ${options.token}`
      if (options.key) headers['Idempotency-Key'] = options.key
      const response = await fetch(`${stack.apiBase}${apiPath}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      })
      return { status: response.status, json: (await response.json()) as Record<string, unknown> }
    }
    const upload = async (token: string, png: Buffer) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'bench.png')
      const response = await fetch(`${stack.apiBase}/uploads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      })
      const answer = (await response.json()) as { url?: string }
      if (response.status !== 201 || !answer.url)
        throw new Error(`upload: ${response.status} ${JSON.stringify(answer)}`)
      // The server names its own origin in the URL: the browser reaches it through the app's origin instead.
      return answer.url
    }
    const seedStarted = Date.now()
    const authors = await prepareAuthors(call, upload)
    if (SEED_MODE === 'service') {
      const { PERSONAS } = await import('../mock/seed/personas')
      const withIds = authors.map((author) => {
        const persona = PERSONAS.find((p) => p.id === author.persona)
        if (!persona) throw new Error(`no seed persona ${author.persona}`)
        return { ...author, memberId: persona.memberId }
      })
      await placePosts((work) => stack.db.transaction(work), withIds, POSTS, Date.now())
    } else {
      await seedPosts(call, authors, POSTS, (done) => console.log(`  ${done} posts`))
    }
    const postId = COMMENTS > 0 ? await seedCommentedPost(call, authors, COMMENTS) : null
    const seedSeconds = Math.round((Date.now() - seedStarted) / 1000)
    console.log(
      `seeded ${POSTS} posts (${SEED_MODE === 'service' ? "the server's seeding function" : 'through the API'}) and ${COMMENTS} comments in ${seedSeconds} s`,
    )

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
    })
    try {
      const context = await browser.newContext({
        baseURL: stack.baseUrl,
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
      })
      const page = await context.newPage()
      const tabs: TabCount[] = []
      for (const tab of TAB_PAGES) tabs.push(await countTab(page, tab))
      console.log(
        table(
          ['tab page (signed out)', 'DOM elements'],
          tabs.map((t) => [t.page, t.domNodes]),
          { alignRight: [1] },
        ),
      )
      const feed = await measure(
        page,
        '/pages/community/index',
        'community-page',
        `${POSTS} posts (+ seed)`,
        /\/posts$/,
      )
      const results = [feed]
      if (postId)
        results.push(
          await measure(
            page,
            `/packages/community/post/index?id=${postId}`,
            'post-page',
            `${COMMENTS} comments`,
            /\/posts\/[^/]+\/comments$/,
          ),
        )
      console.log(
        table(
          [
            'page',
            'items',
            'max DOM elements',
            'frames',
            'frame p50 ms',
            'p95',
            'p99',
            'max',
            '> 50 ms',
            'scroll s',
            'loads after first',
          ],
          results.map((r) => [
            r.page.split('?')[0],
            r.items,
            r.maxDomNodes,
            r.frames,
            r.frameP50,
            r.frameP95,
            r.frameP99,
            r.frameMax,
            r.longFrames,
            r.scrollSeconds,
            r.pagesLoaded,
          ]),
          { alignRight: [2, 3, 4, 5, 6, 7, 8, 9, 10] },
        ),
      )
      for (const r of results)
        console.log(
          `${r.page.split('?')[0]}: largest DOM ${r.maxDomNodes} elements, goal ≤ ${NODE_GOAL}: ${r.maxDomNodes <= NODE_GOAL ? 'met' : 'NOT met'}`,
        )
      fs.mkdirSync(resultsDir, { recursive: true })
      fs.writeFileSync(
        path.join(resultsDir, 'render.json'),
        `${JSON.stringify({ date: new Date().toISOString(), posts: POSTS, comments: COMMENTS, seedSeconds, goalMaxDomNodes: NODE_GOAL, seed: SEED_MODE, tabs, results }, null, 2)}\n`,
      )
      console.log('wrote bench-results/render.json')
    } finally {
      await browser.close()
    }
  } finally {
    await stack.close()
    await closeAll()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
