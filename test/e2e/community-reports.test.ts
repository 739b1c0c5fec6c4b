// Reporting a comment and the operator's review on the H5 production build at a phone viewport: a member opens a
// post whose long thread is folded (展开 N 条回复), reports the thread's first comment with a reason from the post's
// sheet; as the fifth distinct reporter they hide it, and the page shows 该评论已被隐藏 over its replies. The
// operator finds it in the review queue (/__mock/reviews, what the preview console lists) and restores it.
import {
  callApi,
  closeAll,
  E2E_TEST_TIMEOUT_MS,
  launchPhone,
  pageInFront,
  screenshot,
  startStack,
  type Phone,
  type Stack,
  visible,
} from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2)

let stack: Stack
let phone: Phone

type SignedIn = { token: string; member: { id: string } }

const api = <T>(method: string, path: string, options: { body?: unknown; token?: string; key?: string } = {}) =>
  callApi<T>(stack.apiBase, method, path, {
    body: options.body,
    token: options.token,
    idempotencyKey: options.key,
    expectOk: true,
  })
const signUp = (phoneNumber: string) =>
  api<SignedIn>('POST', '/auth/phone', { body: { phone: phoneNumber, smsCode: '123456' } })

beforeAll(async () => {
  stack = await startStack()
})

afterAll(closeAll)

test('a member reports a comment in a folded thread; the fifth report hides it; the operator restores it', async () => {
  const author = await signUp('13711110000')
  const post = await api<{ id: string }>('POST', '/posts', {
    token: author.token,
    body: { text: '周末去露营，大家有什么装备推荐？' },
    key: 'e2e-report-post',
  })
  const writer = await signUp('13711110001')
  const top = await api<{ id: string }>('POST', `/posts/${post.id}/comments`, {
    token: writer.token,
    body: { text: '加我微信买便宜帐篷，私聊' },
    key: 'e2e-report-top',
  })
  for (const [index, words] of ['帐篷建议选双层的', '防潮垫也很重要', '记得带驱蚊水'].entries())
    await api('POST', `/posts/${post.id}/comments`, {
      token: author.token,
      body: { text: words, replyTo: top.id },
      key: `e2e-report-reply-${index}`,
    })
  for (const index of [2, 3, 4, 5]) {
    const reporter = await signUp(`1371111000${index}`)
    await api('POST', `/comments/${top.id}/report`, {
      token: reporter.token,
      body: { reason: 'spam' },
      key: `e2e-report-${index}`,
    })
  }
  const me = await signUp('13711110009')
  phone = await launchPhone({ baseURL: stack.baseUrl })
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-report-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, me.token)
  const page = phone.page
  await page.goto(`/packages/community/post/index?id=${post.id}`)
  await pageInFront(page, 'post-page')
  const thread = page.locator(`[data-testid="comment"][data-comment-id="${top.id}"]`)
  await thread.waitFor()
  // Three replies: two shown, the third behind 展开.
  const expand = page.locator('[data-testid="replies-expand"]:visible')
  expect(await expand.textContent()).toBe('展开 1 条回复')
  expect(await page.getByText('记得带驱蚊水').count()).toBe(0)
  await expand.click()
  await page.getByText('记得带驱蚊水').waitFor()
  await screenshot(page, 'community-reports-01-thread-open')

  await thread.locator('[data-testid="comment-report"]').click()
  await visible(page, 'report-sheet').waitFor()
  expect(await page.locator('[data-testid="report-sheet"] .sheet__title').textContent()).toBe('举报这条评论')
  await visible(page, 'report-reason-spam').click()
  await screenshot(page, 'community-reports-02-sheet')
  const reported = page.waitForResponse((response) => response.url().endsWith(`/comments/${top.id}/report`))
  await visible(page, 'report-submit').click()
  expect((await reported).status()).toBe(200)
  await page.getByText('已收到举报，我们会尽快处理').waitFor()

  // The fifth distinct reporter: hidden for everyone, its replies kept under the placeholder.
  await page.reload()
  await pageInFront(page, 'post-page')
  const placeholder = page.locator(`[data-testid="comment-hidden"][data-comment-id="${top.id}"]`)
  await placeholder.waitFor()
  expect(await placeholder.textContent()).toBe('该评论已被隐藏')
  expect(await page.getByText('加我微信买便宜帐篷，私聊').count()).toBe(0)
  await page.getByText('帐篷建议选双层的').waitFor()
  await screenshot(page, 'community-reports-03-hidden')

  const queue = await api<{ items: { kind: string; id: string; reportCount: number }[] }>('GET', '/__mock/reviews')
  expect(queue.items.find((item) => item.id === top.id)).toMatchObject({ kind: 'comment', reportCount: 5 })
  await api('POST', `/__mock/reviews/${top.id}`, { body: { kind: 'comment', decision: 'restore' } })
  await page.reload()
  await pageInFront(page, 'post-page')
  await page.getByText('加我微信买便宜帐篷，私聊').waitFor()
  expect(await page.locator('[data-testid="comment-hidden"]').count()).toBe(0)
  await screenshot(page, 'community-reports-04-restored')
  phone.expectNoErrors()
})
