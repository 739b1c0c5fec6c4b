import Taro from '@tarojs/taro'
import { screen, waitFor, within } from '@testing-library/react'
import { PostDetailView } from '@/features/community/components/post-detail-view'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

// Each test boots a seeded in-process server; on a loaded 2-core machine that alone can take seconds.
jest.setTimeout(30_000)

async function signedIn(api: Api, persona = 'new-member'): Promise<string> {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return token
}

const likeCount = async () => Number((await screen.findByTestId('like-count')).textContent)
const serverPost = async (api: Api, token: string, id: string) =>
  (await api.call('GET', `/posts/${id}`, { token })).json as {
    likeCount: number
    likedByMe: boolean
    commentCount: number
  }

beforeEach(() => useSession.getState().signedOut())
afterEach(() => jest.restoreAllMocks())

describe('PostDetailView: likes', () => {
  test('a like shows at once, before the server answers', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r2' />)
    const before = await likeCount()
    api.fail('POST', '/posts/post-r2/like', { kind: 'hang' })
    tap(container, 'like-button')
    await waitFor(async () => expect(await likeCount()).toBe(before + 1))
    expect(screen.getByTestId('like-button').getAttribute('aria-pressed')).toBe('true')
  })

  test('the server agrees: the count is the one it answered, liked once', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r2' />)
    const before = await likeCount()
    tap(container, 'like-button')
    await waitFor(async () => expect((await serverPost(api, token, 'post-r2')).likedByMe).toBe(true))
    expect(await likeCount()).toBe(before + 1)
    expect((await serverPost(api, token, 'post-r2')).likeCount).toBe(before + 1)
    tap(container, 'like-button')
    await waitFor(async () => expect((await serverPost(api, token, 'post-r2')).likedByMe).toBe(false))
    expect(await likeCount()).toBe(before)
  })

  test('a refused like rolls back and says why', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const toast = jest.spyOn(Taro, 'showToast')
    const { container } = renderWithApp(<PostDetailView postId='post-r2' />)
    const before = await likeCount()
    api.fail('POST', '/posts/post-r2/like', {
      kind: 'status',
      status: 500,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    tap(container, 'like-button')
    await waitFor(() => expect(toast).toHaveBeenCalled())
    expect(await likeCount()).toBe(before)
    expect(screen.getByTestId('like-button').getAttribute('aria-pressed')).toBe('false')
    expect(toast.mock.calls.at(-1)?.[0]?.title).toMatch(/^点赞没成功，已恢复：/)
    expect((await serverPost(api, token, 'post-r2')).likedByMe).toBe(false)
  })

  test('a visitor is sent to sign in and back to this post, and nothing is sent', async () => {
    const api = installInProcessApi()
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest
      .spyOn(Taro, 'getCurrentPages')
      .mockReturnValue([{ route: 'packages/community/post/index', options: { id: 'post-r2' } }] as never)
    const { container } = renderWithApp(<PostDetailView postId='post-r2' />)
    const before = await likeCount()
    tap(container, 'like-button')
    expect(navigate).toHaveBeenCalledWith({
      url: `/packages/auth/sign-in/index?returnTo=${encodeURIComponent('/packages/community/post/index?id=post-r2')}`,
    })
    expect(await likeCount()).toBe(before)
    expect(api.sent.some((call) => call.method === 'POST' && call.path.endsWith('/like'))).toBe(false)
  })
})

describe('PostDetailView: comments', () => {
  test('comment, reply to it, and delete my own reply', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    // post-r4 has few enough comments for its end to be loaded, so a new one shows at once.
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    const countBefore = (await serverPost(api, token, 'post-r4')).commentCount

    await typeInto(container, 'comment-input', '第一条评论')
    tap(container, 'comment-send')
    const mine = await waitFor(() => {
      const found = screen.getAllByTestId('comment').find((item) => item.textContent?.includes('第一条评论'))
      if (!found) throw new Error('not shown yet')
      return found
    })
    expect((await serverPost(api, token, 'post-r4')).commentCount).toBe(countBefore + 1)

    tap(mine, 'comment-reply')
    expect((await screen.findByTestId('reply-target')).textContent).toMatch(/^回复 /)
    await typeInto(container, 'comment-input', '这是回复')
    tap(container, 'comment-send')
    const reply = await screen.findByText('这是回复')
    expect(reply.closest('[data-testid="reply"]')).not.toBeNull()
    const comments = (await api.call('GET', '/posts/post-r4/comments', { token })).json as {
      items: { text: string; replies: { text: string }[] }[]
    }
    expect(comments.items.find((item) => item.text === '第一条评论')?.replies.map((item) => item.text)).toEqual([
      '这是回复',
    ])

    const replyEntry = reply.closest('[data-testid="reply"]') as HTMLElement
    tap(replyEntry, 'comment-delete')
    await waitFor(() => expect(screen.queryByText('这是回复')).toBeNull())
    const after = (await api.call('GET', '/posts/post-r4/comments', { token })).json as typeof comments
    expect(after.items.find((item) => item.text === '第一条评论')?.replies).toEqual([])
  })

  test('other members’ comments have no delete; blank text is not sent', async () => {
    const api = installInProcessApi()
    const other = (await api.signInPersona('kol-distributor')).token
    await api.call('POST', '/posts/post-r4/comments', {
      token: other,
      body: { text: '别人的评论' },
      idempotencyKey: 'c-other',
    })
    await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    const theirs = (await screen.findByText('别人的评论')).closest('[data-testid="comment"]') as HTMLElement
    expect(within(theirs).queryByTestId('comment-delete')).toBeNull()
    expect(within(theirs).getByTestId('comment-reply')).toBeTruthy()
    await typeInto(container, 'comment-input', '   ')
    tap(container, 'comment-send')
    expect((await screen.findByTestId('comment-problem')).textContent).toBe('写点内容再发送吧')
    expect(api.sent.some((call) => call.method === 'POST' && call.path.endsWith('/comments'))).toBe(false)
  })

  test('a failed comment keeps the words and says why; the retry reuses its key and posts once', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    api.fail('POST', '/posts/post-r4/comments', {
      kind: 'status',
      status: 503,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    await typeInto(container, 'comment-input', '只发一次')
    tap(container, 'comment-send')
    expect((await screen.findByTestId('comment-problem')).textContent).toMatch(/^评论没发出去：/)
    expect((container.querySelector('[data-testid="comment-input"] input') as HTMLInputElement).value).toBe('只发一次')
    tap(container, 'comment-send')
    await screen.findByText('只发一次')
    const sent = api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/comments'))
    expect(sent).toHaveLength(2)
    expect(sent[1]?.headers.get('idempotency-key')).toBe(sent[0]?.headers.get('idempotency-key'))
    const comments = (await api.call('GET', '/posts/post-r4/comments', { token })).json as { items: { text: string }[] }
    expect(comments.items.filter((item) => item.text === '只发一次')).toHaveLength(1)
  })
})

describe('PostDetailView: report and text', () => {
  test('report with a reason', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const toast = jest.spyOn(Taro, 'showToast')
    const { container } = renderWithApp(<PostDetailView postId='post-h2' />)
    await screen.findByTestId('post-detail')
    tap(container, 'report-button')
    await screen.findByTestId('report-sheet')
    tap(container, 'report-submit')
    expect(api.sent.some((call) => call.path.endsWith('/report'))).toBe(false)
    tap(container, 'report-reason-spam')
    tap(container, 'report-submit')
    await waitFor(() => expect(api.sent.some((call) => call.path.endsWith('/report'))).toBe(true))
    await waitFor(() => expect(screen.queryByTestId('report-sheet')).toBeNull())
    const report = api.sent.find((call) => call.path.endsWith('/posts/post-h2/report'))
    expect(report?.body).toEqual({ reason: 'spam' })
    expect(toast.mock.calls.at(-1)?.[0]?.title).toBe('已收到举报，我们会尽快处理')
  })

  test('markup in a post is shown as its characters', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const text = '<script>alert(1)</script><img src=x onerror=alert(1)>'
    const created = await api.call('POST', '/posts', { token, body: { text }, idempotencyKey: 'xss-post' })
    const id = (created.json as { id: string }).id
    const { container } = renderWithApp(<PostDetailView postId={id} />)
    expect((await screen.findByTestId('post-full-text')).textContent).toBe(text)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('img[src="x"]')).toBeNull()
  })
})
