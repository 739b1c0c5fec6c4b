// Issue #9 (the app side of the feed and the post page) on the H5 production build at a phone viewport: a visitor
// reads the virtual feed (cards drawn at the height their layout computed), opens a post, signs in from it and
// lands back on it, likes, comments and replies, reports a post; a post made of markup shows as its characters.
import type { Page } from 'playwright-core'
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

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2)

const PHONE = '13700137000'
const MARKUP = '<script>alert(1)</script><img src=x onerror=alert(1)>'
let stack: Stack
let phone: Phone
const dialogs: string[] = []

const api = (method: string, path: string, options: { token?: string; body?: unknown; key?: string } = {}) =>
  callApi(stack.apiBase, method, path, { body: options.body, token: options.token, idempotencyKey: options.key })

beforeAll(async () => {
  stack = await startStack()
  phone = await launchPhone({ baseURL: stack.baseUrl })
  phone.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
})

afterAll(closeAll)

/** Every card on screen: drawn height vs. its inline (computed) height, and whether any text was cut. */
async function cardGeometry(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="post-feed"] [data-testid="post-card"]')].map((card) => {
      const box = card.getBoundingClientRect()
      const children = [...card.children] as HTMLElement[]
      const style = getComputedStyle(card)
      const gap = parseFloat(style.rowGap) || 0
      const more = card.querySelector('[data-testid="post-more"]')
      const blocks = children.reduce((sum, child) => sum + child.getBoundingClientRect().height, 0)
      const contentHeight =
        blocks +
        gap * (children.length - 1) -
        (more ? gap : 0) +
        parseFloat(style.paddingTop) +
        parseFloat(style.paddingBottom)
      // The text's natural height without the clamp: for an unclamped post it must fit its box.
      const text = card.querySelector<HTMLElement>('[data-testid="post-text"]')
      let natural = 0
      let boxHeight = 0
      if (text) {
        boxHeight = (text.parentElement as HTMLElement).getBoundingClientRect().height
        const clone = text.cloneNode(true) as HTMLElement
        clone.style.webkitLineClamp = 'unset'
        clone.style.display = 'block'
        clone.style.position = 'absolute'
        clone.style.visibility = 'hidden'
        clone.style.width = `${text.getBoundingClientRect().width}px`
        text.parentElement?.appendChild(clone)
        natural = clone.getBoundingClientRect().height
        clone.remove()
      }
      return {
        id: card.getAttribute('data-post-id'),
        drawn: box.height,
        declared: parseFloat(card.style.height) * parseFloat(getComputedStyle(document.documentElement).fontSize),
        contentHeight,
        isClamped: Boolean(more),
        natural,
        boxHeight,
      }
    }),
  )
}

test('a visitor reads the feed: sections, topics, cards at their computed height, nothing cut', async () => {
  const page = phone.page
  await page.goto('/pages/community/index')
  await pageInFront(page, 'community-page')
  await visible(page, 'post-card').first().waitFor()
  await screenshot(page, 'community-01-feed')
  for (const card of await cardGeometry(page)) {
    expect(Math.abs(card.drawn - card.declared)).toBeLessThan(1)
    expect(Math.abs(card.contentHeight - card.drawn)).toBeLessThan(1.5)
    if (!card.isClamped) expect(card.natural).toBeLessThanOrEqual(card.boxHeight + 1)
  }
  expect(await visible(page, 'compose-entry').isVisible()).toBe(true)

  await visible(page, 'section-hot').click()
  // 爆款精选's own posts, after the featured V4 / V5 members' recent ones (the 首页推荐 benefit).
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[data-testid="post-card"]')).some((card) =>
      card.textContent?.includes('本月爆款 TOP3'),
    ),
  )
  await screenshot(page, 'community-02-hot')
  await visible(page, 'section-recommend').click()
  await visible(page, 'topic-新人报到').click()
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-testid="post-feed"] [data-testid="post-card"]')]
    return cards.length > 0 && cards.every((card) => card.textContent?.includes('#新人报到'))
  })
  await screenshot(page, 'community-03-topic')
  await visible(page, 'topic-all').click()
  await visible(page, 'post-card').first().waitFor()
  phone.expectNoErrors()
})

test('open a post, sign in from it and land back on it, then like, comment and reply', async () => {
  const page = phone.page
  await page.goto('/pages/community/index')
  await pageInFront(page, 'community-page')
  await page.locator('[data-testid="post-card"][data-post-id="post-r2"]:visible').click()
  await page.waitForURL(/\/packages\/community\/post\/index\?id=post-r2/)
  await pageInFront(page, 'post-page')
  await visible(page, 'post-full-text').waitFor()
  const likesBefore = Number(await visible(page, 'like-count').textContent())
  await screenshot(page, 'community-04-post-visitor')

  await visible(page, 'like-button').click()
  await page.waitForURL(/\/packages\/auth\/sign-in\/index\?returnTo=/)
  await visible(page, 'phone-input').fill(PHONE)
  await visible(page, 'send-code').click()
  await page.getByText(/秒后重发/).waitFor()
  await visible(page, 'code-input').fill('123456')
  await visible(page, 'sign-in-submit').click()
  await page.waitForURL(/\/packages\/community\/post\/index\?id=post-r2/)
  await pageInFront(page, 'post-page')
  await visible(page, 'comment-input').waitFor()
  await screenshot(page, 'community-05-back-on-post')

  const liked = page.waitForResponse((response) => response.url().endsWith('/posts/post-r2/like'))
  await visible(page, 'like-button').click()
  await page.waitForFunction(
    (count) =>
      [...document.querySelectorAll('[data-testid="post-page"] [data-testid="like-count"]')].some(
        (element) => element.textContent === String(count),
      ),
    likesBefore + 1,
  )
  expect((await liked).status()).toBe(200)
  expect(await visible(page, 'like-button').getAttribute('aria-pressed')).toBe('true')

  await visible(page, 'comment-input').fill('看起来很能装，求链接')
  await visible(page, 'comment-send').click()
  const mine = page.locator('[data-testid="post-page"] [data-testid="comment"]:visible', {
    hasText: '看起来很能装，求链接',
  })
  await mine.waitFor()
  await mine.locator('[data-testid="comment-reply"]').click()
  await visible(page, 'reply-target').waitFor()
  await visible(page, 'comment-input').fill('自己补充一句：是帆布袋')
  await visible(page, 'comment-send').click()
  await page
    .locator('[data-testid="post-page"] [data-testid="reply"]:visible', { hasText: '自己补充一句：是帆布袋' })
    .waitFor()
  await screenshot(page, 'community-06-liked-commented')

  // Paragraphs: the bar's field is a textarea that grows with its lines (up to five, then scrolls inside), the send
  // button beside its last line, the whole bar on screen.
  const barGeometry = () =>
    page.evaluate(() => {
      const bar = [...document.querySelectorAll<HTMLElement>('[data-testid="comment-bar"]')].find(
        (element) => element.getClientRects().length > 0,
      )
      const field = bar?.querySelector<HTMLTextAreaElement>('textarea[data-testid="comment-input"]')
      const send = bar?.querySelector<HTMLElement>('[data-testid="comment-send"]')
      const spacer = bar?.parentElement?.querySelector<HTMLElement>('.comment-bar__spacer')
      if (!bar || !field || !send || !spacer) throw new Error('no comment bar')
      const box = (element: Element) => element.getBoundingClientRect()
      return {
        barBottom: box(bar).bottom,
        barTop: box(bar).top,
        spacerHeight: box(spacer).height,
        fieldHeight: box(field).height,
        fieldBottom: box(field).bottom,
        sendBottom: box(send).bottom,
        scrolls: field.scrollHeight > field.clientHeight + 1,
        lineHeight: parseFloat(getComputedStyle(field).lineHeight),
      }
    })
  const field = page.locator('[data-testid="post-page"] textarea[data-testid="comment-input"]:visible')
  await field.fill('')
  const oneLine = await barGeometry()
  expect(oneLine.barBottom).toBeCloseTo(844, 0)
  await field.fill('容量很大，通勤够用。\n\n缺点是肩带有点细。')
  const threeLines = await barGeometry()
  // Within a pixel: heights are whole pixels of a 20.8 px line (scrollHeight rounds).
  expect(Math.abs(threeLines.fieldHeight - (oneLine.fieldHeight + 2 * oneLine.lineHeight))).toBeLessThan(1.5)
  expect(threeLines.barTop).toBeLessThan(oneLine.barTop)
  expect(threeLines.barBottom).toBeCloseTo(844, 0)
  expect(threeLines.scrolls).toBe(false)
  await screenshot(page, 'community-06b-comment-paragraphs')
  await field.fill(Array.from({ length: 9 }, (_, index) => `第 ${index + 1} 行`).join('\n'))
  const nineLines = await barGeometry()
  expect(Math.abs(nineLines.fieldHeight - (oneLine.fieldHeight + 4 * oneLine.lineHeight))).toBeLessThan(1.5)
  expect(nineLines.scrolls).toBe(true)
  expect(
    Math.abs(nineLines.sendBottom - nineLines.fieldBottom - (oneLine.sendBottom - oneLine.fieldBottom)),
  ).toBeLessThan(1.5)
  // The page's spacer grows with the bar: the last comment can still be scrolled above it.
  expect(Math.abs(nineLines.spacerHeight - (nineLines.barBottom - nineLines.barTop))).toBeLessThan(1.5)
  await screenshot(page, 'community-06c-comment-capped')

  // An answer that never comes (the server kept the comment, the connection dropped): "may be posted", the words
  // kept; sending again replays it, so it is there once.
  const PARAGRAPHS = '容量很大，通勤够用。\n\n缺点是肩带有点细。'
  await field.fill(PARAGRAPHS)
  let drops = 0
  await page.route('**/posts/post-r2/comments', async (route) => {
    if (route.request().method() !== 'POST' || drops > 0) return route.fallback()
    drops += 1
    await route.fetch()
    await route.abort('connectionreset')
  })
  await visible(page, 'comment-send').click()
  await visible(page, 'comment-unknown').waitFor()
  expect(await visible(page, 'comment-unknown').textContent()).toContain('评论可能已经发出')
  expect(await field.inputValue()).toBe(PARAGRAPHS)
  await screenshot(page, 'community-06d-comment-unknown')
  await visible(page, 'comment-send').click()
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-testid="comment-input"]')].every(
      (element) => element.value === '',
    ),
  )
  await page.unroute('**/posts/post-r2/comments')
  expect(drops).toBe(1)

  const token = await page.evaluate(() => {
    const stored = JSON.parse(window.localStorage.getItem('fanloop.session') ?? '{}') as { data?: string }
    return (JSON.parse(stored.data ?? '{}') as { state?: { token?: string } }).state?.token ?? ''
  })
  const post = await api('GET', '/posts/post-r2', { token })
  expect(post).toMatchObject({ likedByMe: true, likeCount: likesBefore + 1 })
  const comments = (await api('GET', '/posts/post-r2/comments', { token })) as {
    items: { text: string; replies: { text: string }[] }[]
  }
  const thread = comments.items.find((item) => item.text === '看起来很能装，求链接')
  expect(thread?.replies.map((reply) => reply.text)).toEqual(['自己补充一句：是帆布袋'])
  expect(comments.items.filter((item) => item.text === '容量很大，通勤够用。\n\n缺点是肩带有点细。')).toHaveLength(1)
  // The connection this test dropped on purpose, and only it, is not a problem (the phone is shared by later tests).
  const dropped = (text: string) => text.includes('ERR_CONNECTION_RESET') && text.includes('/posts/post-r2/comments')
  expect(phone.problems.filter((problem) => dropped(problem.text))).not.toHaveLength(0)
  phone.problems.splice(0, phone.problems.length, ...phone.problems.filter((problem) => !dropped(problem.text)))
  phone.expectNoErrors()
})

test('pictures open full screen, one slide each, and close with a tap', async () => {
  const page = phone.page
  await page.goto('/packages/community/post/index?id=post-h1')
  await pageInFront(page, 'post-page')
  const images = page.locator('[data-testid="post-page"]:visible [data-testid="post-image"]')
  await images.first().waitFor()
  expect(await images.count()).toBe(3)
  await images.nth(1).click()
  const viewer = page.locator('.preview-image')
  await viewer.waitFor()
  expect(await viewer.locator('taro-swiper-item-core').count()).toBe(3)
  const box = await viewer.boundingBox()
  expect(box).toMatchObject({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await screenshot(page, 'community-07-image-preview')
  await viewer.click()
  await viewer.waitFor({ state: 'detached' })
  phone.expectNoErrors()
})

test('report a post with a reason', async () => {
  const page = phone.page
  await page.goto('/packages/community/post/index?id=post-h3')
  await pageInFront(page, 'post-page')
  await visible(page, 'report-button').click()
  await visible(page, 'report-sheet').waitFor()
  await visible(page, 'report-reason-misinformation').click()
  await screenshot(page, 'community-08-report')
  const reported = page.waitForResponse((response) => response.url().endsWith('/posts/post-h3/report'))
  await visible(page, 'report-submit').click()
  expect((await reported).status()).toBe(200)
  await page.getByText('已收到举报，我们会尽快处理').waitFor()
  await page.locator('[data-testid="report-sheet"]').waitFor({ state: 'detached' })
  phone.expectNoErrors()
})

test('a post made of markup is shown as those characters: no dialog, no element', async () => {
  const page = phone.page
  const { token } = (await api('POST', '/__mock/persona', { body: { id: 'kol-distributor' } })) as { token: string }
  const post = (await api('POST', '/posts', { token, body: { text: MARKUP }, key: 'e2e-markup-post' })) as {
    id: string
    text: string
  }
  expect(post.text).toBe(MARKUP)

  await page.goto('/pages/community/index')
  await pageInFront(page, 'community-page')
  const card = page.locator(`[data-testid="post-card"][data-post-id="${post.id}"]:visible`)
  await card.waitFor()
  expect(await card.locator('[data-testid="post-text"]').textContent()).toBe(MARKUP)
  await card.click()
  await pageInFront(page, 'post-page')
  const full = visible(page, 'post-full-text')
  await full.waitFor()
  expect(await full.textContent()).toBe(MARKUP)
  expect(await full.innerText()).toBe(MARKUP)
  await page.waitForTimeout(500)
  await screenshot(page, 'community-09-markup-as-text')
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((script) => script.textContent?.includes('alert(1)'))
      .length,
  }))
  expect(injected).toEqual({ images: 0, scripts: 0 })
  expect(dialogs).toEqual([])
  phone.expectNoErrors()
})
