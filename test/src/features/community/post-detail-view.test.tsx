import Taro from '@tarojs/taro'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { COMMENT_TEXT_MAX } from '@/contract/community'
import { PostDetailView } from '@/features/community/components/post-detail-view'
import { communityRoutes } from '@/features/community/lib/community-routes'
import { useComposeDraft } from '@/features/community/lib/compose-draft'
import { REQUEST_TIMEOUT_MS } from '@/lib/env'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

// Each test boots a seeded in-process server; on a loaded 2-core machine that alone can take seconds.
jest.setTimeout(60_000)

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

  test('like then unlike before the first answer: the first answer does not flash the like back', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    // Hold each answer (the server has kept the write) until the test lets it through: the like's until the unlike
    // is on screen and waiting behind it, the unlike's until the like's answer has been seen.
    const realFetch = globalThis.fetch
    const gate = () => {
      let open = () => {}
      const promise = new Promise<void>((resolve) => (open = resolve))
      return { promise, open: () => open() }
    }
    const gates = { POST: gate(), DELETE: gate() }
    const holdingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init)
      const method = init?.method
      if ((method === 'POST' || method === 'DELETE') && String(input).endsWith('/posts/post-r2/like'))
        await gates[method].promise
      return response
    }
    globalThis.fetch = holdingFetch as typeof fetch
    window.fetch = holdingFetch as typeof fetch
    const { container } = renderWithApp(<PostDetailView postId='post-r2' />)
    const before = await likeCount()
    tap(container, 'like-button')
    await waitFor(async () => expect(await likeCount()).toBe(before + 1))
    tap(container, 'like-button')
    await waitFor(async () => expect(await likeCount()).toBe(before))
    gates.POST.open()
    await waitFor(() => expect(api.sent.filter((call) => call.path.endsWith('/posts/post-r2/like'))).toHaveLength(2))
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(await likeCount()).toBe(before)
    expect(screen.getByTestId('like-button').getAttribute('aria-pressed')).toBe('false')
    gates.DELETE.open()
    await waitFor(async () => expect((await serverPost(api, token, 'post-r2')).likedByMe).toBe(false))
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(await likeCount()).toBe(before)
    expect(screen.getByTestId('like-button').getAttribute('aria-pressed')).toBe('false')
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
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
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
    // Not the text field (a textarea holds its words as text too): the reply as shown.
    const reply = await screen.findByText('这是回复', { ignore: 'script, style, textarea' })
    expect(reply.closest('[data-testid="reply"]')).not.toBeNull()
    const comments = (await api.call('GET', '/posts/post-r4/comments', { token })).json as {
      items: { text: string; replies: { text: string }[] }[]
    }
    expect(comments.items.find((item) => item.text === '第一条评论')?.replies.map((item) => item.text)).toEqual([
      '这是回复',
    ])

    // Deleting the comment keeps its reply under a placeholder: the confirmation says so (and is declined here).
    modal.mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    tap(mine, 'comment-delete')
    await waitFor(() =>
      expect(modal).toHaveBeenLastCalledWith(
        expect.objectContaining({ content: '删除后无法恢复。下面的 1 条回复会保留，这里显示「该评论已删除」' }),
      ),
    )
    expect(screen.getByText('这是回复', { ignore: 'script, style, textarea' })).not.toBeNull()

    const replyEntry = reply.closest('[data-testid="reply"]') as HTMLElement
    tap(replyEntry, 'comment-delete')
    await waitFor(() => expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '删除后无法恢复' })))
    await waitFor(() => expect(screen.queryByText('这是回复', { ignore: 'script, style, textarea' })).toBeNull())
    const after = (await api.call('GET', '/posts/post-r4/comments', { token })).json as typeof comments
    expect(after.items.find((item) => item.text === '第一条评论')?.replies).toEqual([])
  })

  test('deleting my comment keeps the reply another member wrote under it, under 该评论已删除', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const mine = (
      await api.call('POST', '/posts/post-r4/comments', { token, body: { text: '我的评论' }, idempotencyKey: 'c-mine' })
    ).json as { id: string }
    const other = (await api.signInPersona('kol-distributor')).token
    await api.call('POST', '/posts/post-r4/comments', {
      token: other,
      body: { text: '别人的回复', replyTo: mine.id },
      idempotencyKey: 'c-their-reply',
    })
    const countBefore = (await serverPost(api, token, 'post-r4')).commentCount
    renderWithApp(<PostDetailView postId='post-r4' />)
    const entry = (await screen.findByText('我的评论')).closest('[data-testid="comment"]') as HTMLElement
    tap(entry, 'comment-delete')
    await waitFor(() =>
      expect(modal).toHaveBeenLastCalledWith(
        expect.objectContaining({ content: '删除后无法恢复。下面的 1 条回复会保留，这里显示「该评论已删除」' }),
      ),
    )
    const placeholder = await screen.findByTestId('comment-deleted')
    expect(placeholder.textContent).toBe('该评论已删除')
    expect(screen.queryByText('我的评论')).toBeNull()
    // No author, no actions on the placeholder; the reply stays with its own.
    expect(within(placeholder.parentElement as HTMLElement).getAllByTestId('reply')).toHaveLength(1)
    expect(within(placeholder).queryByTestId('comment-reply')).toBeNull()
    expect(screen.getByText('别人的回复')).not.toBeNull()
    await waitFor(async () => expect((await serverPost(api, token, 'post-r4')).commentCount).toBe(countBefore - 1))
    const thread = (
      (await api.call('GET', '/posts/post-r4/comments', { token })).json as {
        items: { id: string; isDeleted: boolean; replies: { text: string }[] }[]
      }
    ).items.find((item) => item.id === mine.id)
    expect(thread).toMatchObject({ isDeleted: true, replies: [{ text: '别人的回复' }] })
    // As the server has it after a reload too.
    await waitFor(() => expect(screen.getByTestId('comment-count').textContent).toContain(String(countBefore - 1)))
  })

  test('comments and replies show their author’s avatar (or initial) and level; a reply to a reply says whom it answers', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    // post-r1 (seed): 同干皮… by a fan without an avatar, answered by the KOL, who has one.
    const kolReply = '早晚都用，早上薄涂一层就好～'
    await api.call('POST', '/posts/post-r1/comments', {
      token,
      body: { text: '谢谢分享', replyTo: 'c-seed-5' },
      idempotencyKey: 'c-reply-to-reply',
    })
    renderWithApp(<PostDetailView postId='post-r1' />)
    const reply = (await screen.findByText(kolReply)).closest('[data-testid="reply"]') as HTMLElement
    const avatar = within(reply).getByTestId('comment-avatar')
    const served = (
      (await api.call('GET', '/posts/post-r1/comments', { token })).json as {
        items: { replies: { text: string; author: { avatarUrl: string } }[] }[]
      }
    ).items
      .flatMap((item) => item.replies)
      .find((item) => item.text === kolReply)?.author.avatarUrl
    expect(served).toBeTruthy()
    // Taro's H5 Image puts its <img> in a moment after the wrapper (late on a loaded machine).
    await waitFor(() => expect(avatar.querySelector('img')?.getAttribute('src')).toBe(served))
    expect(within(reply).getByTestId('comment-level').textContent).toMatch(/^V[1-5]$/)
    const top = (await screen.findByText('同干皮，求问是早上也用吗？')).closest(
      '[data-testid="comment"]',
    ) as HTMLElement
    const initial = within(top).getByTestId('comment-avatar-initial')
    const nickname = top.querySelector('.comment__nickname')?.textContent ?? ''
    expect(initial.textContent).toBe(nickname.slice(0, 1))
    expect(within(top).getByTestId('comment-level').textContent).toMatch(/^V[1-5]$/)
    const mine = (await screen.findByText('谢谢分享', { exact: false })).closest('[data-testid="reply"]') as HTMLElement
    const kolName = reply.querySelector('.comment__nickname')?.textContent ?? ''
    expect(within(mine).getByTestId('comment-addressee').textContent).toBe(`回复 ${kolName}：`)
    expect(within(mine).getByTestId('comment-text').textContent).toBe(`回复 ${kolName}：谢谢分享`)
  })

  test('replying to a reply answers that reply: it shows 回复 X： and the server names X', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r1' />)
    // post-r1 (seed): the KOL's reply (c-seed-5) to a fan's comment (c-seed-4).
    const kolReply = (await screen.findByText('早晚都用，早上薄涂一层就好～')).closest(
      '[data-testid="reply"]',
    ) as HTMLElement
    const kolName = kolReply.querySelector('.comment__nickname')?.textContent ?? ''
    tap(kolReply, 'comment-reply')
    expect((await screen.findByTestId('reply-target')).textContent).toBe(`回复 ${kolName}`)
    await typeInto(container, 'comment-input', '收到，谢谢')
    tap(container, 'comment-send')
    await waitFor(() => expect(screen.getByText('收到，谢谢', { exact: false, ignore: 'textarea' })).not.toBeNull())
    const sent = api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/posts/post-r1/comments'))
    expect(sent.at(-1)?.body).toEqual({ text: '收到，谢谢', replyTo: 'c-seed-5' })
    const thread = (
      (await api.call('GET', '/posts/post-r1/comments', { token })).json as {
        items: {
          id: string
          replies: { text: string; replyTo: string; replyToMember: { nickname: string } | null }[]
        }[]
      }
    ).items.find((item) => item.id === 'c-seed-4')
    expect(thread?.replies.find((item) => item.text === '收到，谢谢')).toMatchObject({
      replyTo: 'c-seed-4',
      replyToMember: { nickname: kolName },
    })
  })

  test('a reply to a comment deleted meanwhile says so, keeps the words, and shows the thread as it is now', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const other = (await api.signInPersona('kol-distributor')).token
    const theirs = (
      await api.call('POST', '/posts/post-r4/comments', {
        token: other,
        body: { text: '马上删' },
        idempotencyKey: 'c-gone',
      })
    ).json as { id: string }
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    const entry = (await screen.findByText('马上删')).closest('[data-testid="comment"]') as HTMLElement
    tap(entry, 'comment-reply')
    await screen.findByTestId('reply-target')
    await api.call('DELETE', `/comments/${theirs.id}`, { token: other })
    await typeInto(container, 'comment-input', '晚了一步')
    tap(container, 'comment-send')
    expect((await screen.findByTestId('comment-problem')).textContent).toBe(
      '你回复的评论已被删除，回复没有发出。文字已保留，可以直接发成评论',
    )
    expect(screen.queryByTestId('reply-target')).toBeNull()
    expect(field(container).value).toBe('晚了一步')
    await waitFor(() => expect(screen.queryByText('马上删')).toBeNull())
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
    // Blank, or only zero-width characters (an empty comment on screen): refused here as the server would.
    for (const blank of ['   ', '\u200b\u2060\ufeff']) {
      await typeInto(container, 'comment-input', blank)
      tap(container, 'comment-send')
      expect((await screen.findByTestId('comment-problem')).textContent).toBe('写点内容再发送吧')
    }
    expect(api.sent.some((call) => call.method === 'POST' && call.path.endsWith('/comments'))).toBe(false)
  })
})

const UNKNOWN = '网络不稳定，评论可能已经发出，已为你刷新评论。没看到它的话，再点「发送」，不会重复发。'

const commentPosts = (api: Api, postId = 'post-r4') =>
  api.sent.filter((call) => call.method === 'POST' && call.path.endsWith(`/posts/${postId}/comments`))
const commentReads = (api: Api, postId = 'post-r4') =>
  api.sent.filter((call) => call.method === 'GET' && call.path.endsWith(`/posts/${postId}/comments`))
const keyOf = (call: { headers: Headers } | undefined) => call?.headers.get('idempotency-key')
const field = (container: HTMLElement) =>
  container.querySelector('textarea[data-testid="comment-input"]') as HTMLTextAreaElement
const serverComments = async (api: Api, token: string, postId = 'post-r4') =>
  (
    (await api.call('GET', `/posts/${postId}/comments`, { token })).json as {
      items: { text: string; replies: { text: string }[] }[]
    }
  ).items
const shownComments = (text: string) =>
  screen.queryAllByTestId('comment').filter((item) => item.querySelector('.comment__text')?.textContent === text)

/** Sends while the answer is lost after the server acted: the client gives up at its timeout (fake timers). */
async function sendAndTimeOut(container: HTMLElement): Promise<void> {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
  try {
    tap(container, 'comment-send')
    await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
  } finally {
    jest.useRealTimers()
  }
}

describe('CommentBar: a text field that keeps paragraphs', () => {
  test('a comment of two paragraphs is written in a textarea and posted with its line break', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    const input = await waitFor(() => {
      if (!field(container)) throw new Error('no textarea yet')
      return field(container)
    })
    expect(input.tagName).toBe('TEXTAREA')
    expect(input.maxLength).toBe(COMMENT_TEXT_MAX)
    expect(input.getAttribute('aria-label')).toBe('写评论')
    await typeInto(container, 'comment-input', '第一段\n\n第二段')
    // Enter alone is a new line, not a send.
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(commentPosts(api)).toHaveLength(0)
    tap(container, 'comment-send')
    await waitFor(() => expect(shownComments('第一段\n\n第二段')).toHaveLength(1))
    expect(commentPosts(api)[0]?.body).toEqual({ text: '第一段\n\n第二段' })
    expect((await serverComments(api, token)).filter((item) => item.text === '第一段\n\n第二段')).toHaveLength(1)
    expect(field(container).value).toBe('')
  })

  test('Ctrl+Enter sends; the counter shows near the limit and the field stops at it', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    await typeInto(container, 'comment-input', '短评')
    expect(screen.queryByTestId('comment-length')).toBeNull()
    await typeInto(container, 'comment-input', '长'.repeat(COMMENT_TEXT_MAX - 10))
    expect(screen.getByTestId('comment-length').textContent).toBe(`${COMMENT_TEXT_MAX - 10}/${COMMENT_TEXT_MAX}`)
    await typeInto(container, 'comment-input', '长'.repeat(COMMENT_TEXT_MAX + 5))
    expect(field(container).value).toHaveLength(COMMENT_TEXT_MAX)
    expect(screen.getByTestId('comment-length').textContent).toBe(`${COMMENT_TEXT_MAX}/${COMMENT_TEXT_MAX}`)
    await typeInto(container, 'comment-input', 'Ctrl+Enter 发的')
    fireEvent.keyDown(field(container), { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(shownComments('Ctrl+Enter 发的')).toHaveLength(1))
    expect(commentPosts(api)).toHaveLength(1)
  })
})

describe('CommentBar: the limit never cuts an emoji in half', () => {
  test('an emoji that would straddle the limit is left out whole, and what stays sends', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    const words = `${'长'.repeat(COMMENT_TEXT_MAX - 1)}😀`
    await typeInto(container, 'comment-input', words)
    // Half of 😀 would be a lone surrogate: the server refuses that text (a 400), so the field keeps whole characters.
    expect(field(container).value).toBe('长'.repeat(COMMENT_TEXT_MAX - 1))
    await typeInto(container, 'comment-input', `${'长'.repeat(COMMENT_TEXT_MAX - 2)}😀`)
    expect(field(container).value).toBe(`${'长'.repeat(COMMENT_TEXT_MAX - 2)}😀`)
    fireEvent.keyDown(field(container), { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(commentPosts(api)).toHaveLength(1))
    await waitFor(() => expect(field(container).value).toBe(''))
  })
})

describe('CommentBar: an answer that never came is "may be posted", never "failed"', () => {
  test('a lost answer says so, keeps the words, refreshes the comments (showing it), and sending again posts it once', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    await screen.findByTestId('comment-section')
    api.fail('POST', '/posts/post-r4/comments', { kind: 'lost-answer' })
    await typeInto(container, 'comment-input', '只发一次')
    const readsBefore = commentReads(api).length
    await sendAndTimeOut(container)

    expect((await screen.findByTestId('comment-unknown')).textContent).toBe(UNKNOWN)
    expect(screen.queryByTestId('comment-problem')).toBeNull()
    expect(container.textContent).not.toContain('评论没发出去')
    expect(field(container).value).toBe('只发一次')
    // The server kept it: the list is read again and shows it.
    await waitFor(() => expect(commentReads(api).length).toBeGreaterThan(readsBefore))
    await waitFor(() => expect(shownComments('只发一次')).toHaveLength(1))

    tap(container, 'comment-send')
    await waitFor(() => expect(field(container).value).toBe(''))
    const [first, second] = commentPosts(api)
    expect(commentPosts(api)).toHaveLength(2)
    expect(keyOf(second)).toBe(keyOf(first))
    expect((await serverComments(api, token)).filter((item) => item.text === '只发一次')).toHaveLength(1)
    await waitFor(() => expect(screen.queryByTestId('comment-unknown')).toBeNull())
    // Shown once, not added again by the replayed answer.
    await waitFor(() => expect(shownComments('只发一次')).toHaveLength(1))
    const count = (await serverPost(api, token, 'post-r4')).commentCount
    await waitFor(() => expect(screen.getByTestId('comment-count').textContent).toContain(String(count)))
  })

  test('a 5xx is not "failed" either; the same reply sent again from the post opened anew reuses its key', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const first = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    await typeInto(first.container, 'comment-input', '先有评论')
    tap(first.container, 'comment-send')
    const parent = await waitFor(() => {
      const [found] = shownComments('先有评论')
      if (!found) throw new Error('not shown yet')
      return found
    })
    tap(parent, 'comment-reply')
    await screen.findByTestId('reply-target')
    api.fail('POST', '/posts/post-r4/comments', {
      kind: 'status',
      status: 503,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    await typeInto(first.container, 'comment-input', '回复一次')
    tap(first.container, 'comment-send')
    expect((await screen.findByTestId('comment-unknown')).textContent).toBe(UNKNOWN)
    expect(screen.queryByTestId('comment-problem')).toBeNull()
    expect(screen.getByTestId('reply-target')).toBeTruthy()
    first.unmount()

    // The member leaves, comes back and writes the same reply to the same comment.
    const again = renderWithApp(<PostDetailView postId='post-r4' />)
    const parentAgain = await waitFor(() => {
      const [found] = shownComments('先有评论')
      if (!found) throw new Error('not shown yet')
      return found
    })
    tap(parentAgain, 'comment-reply')
    await screen.findByTestId('reply-target')
    await typeInto(again.container, 'comment-input', '回复一次')
    tap(again.container, 'comment-send')
    await screen.findByText('回复一次', { ignore: 'script, style, textarea' })
    const [, lost, resent] = commentPosts(api)
    expect(commentPosts(api)).toHaveLength(3)
    expect(resent?.body).toEqual(lost?.body)
    expect(keyOf(resent)).toBe(keyOf(lost))
    const thread = (await serverComments(api, token)).find((item) => item.text === '先有评论')
    expect(thread?.replies.map((reply) => reply.text)).toEqual(['回复一次'])
  })

  test('other words after an unknown outcome are a new comment with a new key, and the notice goes', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    api.fail('POST', '/posts/post-r4/comments', { kind: 'network' })
    await typeInto(container, 'comment-input', '第一版')
    tap(container, 'comment-send')
    await screen.findByTestId('comment-unknown')
    await typeInto(container, 'comment-input', '第二版')
    expect(screen.queryByTestId('comment-unknown')).toBeNull()
    tap(container, 'comment-send')
    await waitFor(() => expect(shownComments('第二版')).toHaveLength(1))
    const [first, second] = commentPosts(api)
    expect(keyOf(second)).not.toBe(keyOf(first))
  })

  test('a definite refusal still says why, keeps the words, and is final: sending again is a new intent', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    api.fail('POST', '/posts/post-r4/comments', {
      kind: 'status',
      status: 429,
      body: '{"error":{"code":"RATE_LIMITED","message":"slow down"}}',
    })
    await typeInto(container, 'comment-input', '被拒一次')
    tap(container, 'comment-send')
    expect((await screen.findByTestId('comment-problem')).textContent).toMatch(/^评论没发出去：/)
    expect(screen.queryByTestId('comment-unknown')).toBeNull()
    expect(field(container).value).toBe('被拒一次')
    tap(container, 'comment-send')
    await waitFor(() => expect(shownComments('被拒一次')).toHaveLength(1))
    expect(field(container).value).toBe('')
    const [first, second] = commentPosts(api)
    expect(keyOf(second)).not.toBe(keyOf(first))
    expect((await serverComments(api, token)).filter((item) => item.text === '被拒一次')).toHaveLength(1)
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
    // Among the toasts, not the last one: the first test's hung like times out (and says so) whenever it does.
    expect(toast.mock.calls.map((call) => call[0]?.title)).toContain('已收到举报，我们会尽快处理')
  })

  test('a report whose answer never came, sent again with another reason, goes through (its own intent)', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-h2' />)
    await screen.findByTestId('post-detail')
    tap(container, 'report-button')
    await screen.findByTestId('report-sheet')
    tap(container, 'report-reason-spam')
    // The server takes the report; its answer is lost.
    api.fail('POST', '/report', { kind: 'lost-answer' })
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      tap(container, 'report-submit')
      await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
    } finally {
      jest.useRealTimers()
    }
    await screen.findByTestId('report-error')
    // The member picks a better reason and sends again: not refused for reusing the first request's key.
    tap(container, 'report-reason-abuse')
    tap(container, 'report-submit')
    await waitFor(() => expect(screen.queryByTestId('report-sheet')).toBeNull())
    const reports = api.sent.filter((call) => call.path.endsWith('/posts/post-h2/report'))
    expect(reports.map((call) => call.body)).toEqual([{ reason: 'spam' }, { reason: 'abuse' }])
    // One report per member and post, whatever the reasons: the second changes nothing on the server.
    const again = await api.call('POST', '/posts/post-h2/report', {
      token,
      body: { reason: 'other' },
      idempotencyKey: 'r3',
    })
    expect(again.status).toBe(200)
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

describe('PostDetailView: my own post that was not approved', () => {
  test('shows its state and reason instead of likes and comments, and 修改后重发 opens the composer with it', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    useComposeDraft.getState().cleared()
    const created = await api.call('POST', '/posts', {
      token,
      body: { text: '兼职刷单，日结', topic: '好物种草' },
      idempotencyKey: 'rejected-post',
    })
    const postId = (created.json as { id: string }).id
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
    const { container } = renderWithApp(<PostDetailView postId={postId} />)
    const state = await screen.findByTestId('post-unpublished')
    expect(within(state).getByTestId('post-state').textContent).toBe('未通过')
    expect(within(state).getByTestId('post-reject-reason').textContent).toContain('刷单')
    // The server refuses all of these on a post nobody else can see: none is offered.
    expect(screen.queryByTestId('like-button')).toBeNull()
    expect(screen.queryByTestId('comment-bar')).toBeNull()
    expect(screen.queryByTestId('comment-section')).toBeNull()

    // The composer takes the page's place: back from it never lands on a post deleted once the fix is accepted.
    await within(state).findByTestId('post-rework')
    // One read of the post answers the page (OwnPost: whether the operator removed it), not a second one to ask.
    expect(api.sent.filter((call) => call.method === 'GET' && call.path.endsWith(`/posts/${postId}`))).toHaveLength(1)
    tap(container, 'post-rework')
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: communityRoutes.compose }))
    expect(useComposeDraft.getState()).toMatchObject({ text: '兼职刷单，日结', topic: '好物种草', replaces: [postId] })
  })
})

describe('PostDetailView: my own post the operator removed', () => {
  test('says 已被移除 with the reason, and offers 删除 but no 修改后重发 (it was up, and taken down)', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const created = await api.call('POST', '/posts', {
      token,
      body: { text: '加微信领优惠券' },
      idempotencyKey: 'removed-post',
    })
    const postId = (created.json as { id: string }).id
    for (const persona of ['streak-day6', 'kol-distributor', 'kol-fan', 'points-expiring', 'birthday-month'])
      await api.call('POST', `/posts/${postId}/report`, {
        token: (await api.signInPersona(persona)).token,
        body: { reason: 'spam' },
        idempotencyKey: `report-removed-${persona}`,
      })
    await api.call('POST', `/__mock/reviews/${postId}`, {
      body: { kind: 'post', decision: 'remove', reason: '含有广告引流内容' },
    })
    renderWithApp(<PostDetailView postId={postId} />)
    const state = await screen.findByTestId('post-unpublished')
    await waitFor(() => expect(within(state).getByTestId('post-state').textContent).toBe('已被移除'))
    expect(within(state).getByTestId('post-state-hint').textContent).toBe(
      '笔记发布后被多人举报，经审核已被移除，其他人看不到了',
    )
    expect(within(state).getByTestId('post-reject-reason').textContent).toBe('原因：含有广告引流内容')
    expect(within(state).queryByTestId('post-rework')).toBeNull()
    expect(state.textContent).not.toContain('草稿')
    expect(within(state).getByTestId('post-delete')).not.toBeNull()
    // One read of the post answers the page, whether the operator removed it included.
    const reads = api.sent.filter((call) => call.method === 'GET' && call.path.endsWith(`/posts/${postId}`))
    expect(reads).toHaveLength(1)
  })
})

describe('PostDetailView: my own published post', () => {
  test('has 删除 where others have 举报; once confirmed it is deleted and the page is left', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const created = await api.call('POST', '/posts', {
      token,
      body: { text: '我自己的笔记' },
      idempotencyKey: 'own-post',
    })
    const postId = (created.json as { id: string }).id
    const showModal = jest
      .spyOn(Taro, 'showModal')
      .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    const navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' } as never)
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as never)
    const { container } = renderWithApp(<PostDetailView postId={postId} />)
    await screen.findByTestId('post-delete')
    // Reporting one's own post is for nobody (the server refuses it): not offered.
    expect(screen.queryByTestId('report-button')).toBeNull()

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    tap(container, 'post-delete')
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(api.sent.filter((call) => call.method === 'DELETE')).toHaveLength(0)

    tap(container, 'post-delete')
    await waitFor(() => expect(navigateBack).toHaveBeenCalledTimes(1))
    expect(api.sent.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([
      expect.stringContaining(`/posts/${postId}`),
    ])
    expect(((await api.call('GET', '/me/posts', { token })).json as { items: unknown[] }).items).toEqual([])
  })

  test('another member’s post has 举报 and no 删除', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    renderWithApp(<PostDetailView postId='post-r2' />)
    await screen.findByTestId('report-button')
    expect(screen.queryByTestId('post-delete')).toBeNull()
  })
})

describe('PostDetailView: my own post hidden by reports', () => {
  test('its comments are there to read, with no 回复 and no comment bar (the server takes no more)', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const created = await api.call('POST', '/posts', {
      token,
      body: { text: '被举报的笔记' },
      idempotencyKey: 'hide-me',
    })
    const postId = (created.json as { id: string }).id
    const reporters = ['streak-day6', 'kol-distributor', 'kol-fan', 'points-expiring', 'birthday-month']
    for (const [index, persona] of reporters.entries()) {
      const other = (await api.signInPersona(persona)).token
      if (index === 0)
        await api.call('POST', `/posts/${postId}/comments`, {
          token: other,
          body: { text: '说两句' },
          idempotencyKey: 'comment-before-hiding',
        })
      await api.call('POST', `/posts/${postId}/report`, {
        token: other,
        body: { reason: 'spam' },
        idempotencyKey: `report-${persona}`,
      })
    }
    renderWithApp(<PostDetailView postId={postId} />)
    const state = await screen.findByTestId('post-unpublished')
    expect(state.getAttribute('data-status')).toBe('hidden')
    // It was published: the page says what holds while it waits for review, not what publishing would bring.
    expect(within(state).getByTestId('post-state-hint').textContent).toBe('笔记被多人举报，暂时隐藏等待复核')
    expect(within(state).getByTestId('post-unpublished-hint').textContent).toBe(
      '复核结束前只有你能看到它，不能分享、点赞或评论。恢复后会重新公开，被移除会在这里写明原因；你也可以删除它',
    )
    expect(state.textContent).not.toContain('发布后')
    expect(within(state).getByTestId('post-delete')).not.toBeNull()
    expect(within(state).queryByTestId('post-rework')).toBeNull()
    expect((await screen.findByTestId('comment-text')).textContent).toBe('说两句')
    expect(screen.queryByTestId('comment-reply')).toBeNull()
    expect(screen.queryByTestId('comment-bar')).toBeNull()
  })
})

describe('PostDetailView: reporting a comment', () => {
  const signUpPhone = async (api: Api, phone: string) =>
    ((await api.call('POST', '/auth/phone', { body: { phone, smsCode: '123456' } })).json as { token: string }).token
  /** A top-level comment on post-r4 by `writer` with one reply, answered as the server holds them; its id. */
  const commentWithReply = async (api: Api, writer: string, text: string, reply: { token: string; text: string }) => {
    const top = (
      await api.call('POST', '/posts/post-r4/comments', {
        token: writer,
        body: { text },
        idempotencyKey: `c-${writer}`,
      })
    ).json as { id: string }
    await api.call('POST', '/posts/post-r4/comments', {
      token: reply.token,
      body: { text: reply.text, replyTo: top.id },
      idempotencyKey: `c-reply-${top.id}`,
    })
    return top.id
  }
  /** The comment reported for spam by a new member signed up with each phone number. */
  const reportedBy = async (api: Api, commentId: string, phones: readonly string[]) => {
    for (const phone of phones)
      await api.call('POST', `/comments/${commentId}/report`, {
        token: await signUpPhone(api, phone),
        body: { reason: 'spam' },
        idempotencyKey: `r-${commentId}-${phone}`,
      })
  }

  test("举报 on another member's comment and reply opens the post's reason sheet and reports that comment", async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const toast = jest.spyOn(Taro, 'showToast')
    renderWithApp(<PostDetailView postId='post-r1' />)
    // post-r1 (seed): 同干皮… by a fan, answered by the KOL (c-seed-5).
    const entry = (await screen.findByText('同干皮，求问是早上也用吗？')).closest(
      '[data-testid="comment"]',
    ) as HTMLElement
    tap(entry, 'comment-report')
    const sheet = await screen.findByTestId('report-sheet')
    expect(within(sheet).getByRole('dialog').getAttribute('aria-label')).toBe('举报这条评论')
    // The post's own reasons, in the same sheet.
    expect(within(sheet).getByTestId('report-reason-spam').textContent).toBe('垃圾广告')
    tap(sheet, 'report-reason-abuse')
    tap(sheet, 'report-submit')
    await waitFor(() => expect(screen.queryByTestId('report-sheet')).toBeNull())
    const sent = api.sent.filter((call) => call.path.endsWith('/report'))
    expect(sent.map((call) => [call.path.replace(/^.*\/api\/v1/, ''), call.body])).toEqual([
      ['/comments/c-seed-4/report', { reason: 'abuse' }],
    ])
    expect(toast.mock.calls.map((call) => call[0]?.title)).toContain('已收到举报，我们会尽快处理')
    const reply = (await screen.findByText('早晚都用，早上薄涂一层就好～')).closest(
      '[data-testid="reply"]',
    ) as HTMLElement
    tap(reply, 'comment-report')
    tap(await screen.findByTestId('report-sheet'), 'report-reason-spam')
    tap(screen.getByTestId('report-sheet'), 'report-submit')
    await waitFor(() => expect(api.sent.some((call) => call.path.endsWith('/comments/c-seed-5/report'))).toBe(true))
  })

  test('no 举报 on my own comment (I delete it instead); a visitor is sent to sign in', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    await api.call('POST', '/posts/post-r4/comments', { token, body: { text: '我自己说的' }, idempotencyKey: 'c-own' })
    const { unmount } = renderWithApp(<PostDetailView postId='post-r4' />)
    const mine = (await screen.findByText('我自己说的')).closest('[data-testid="comment"]') as HTMLElement
    expect(within(mine).queryByTestId('comment-report')).toBeNull()
    expect(within(mine).getByTestId('comment-delete')).not.toBeNull()
    unmount()
    useSession.getState().signedOut()
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderWithApp(<PostDetailView postId='post-r4' />)
    const seen = (await screen.findByText('我自己说的')).closest('[data-testid="comment"]') as HTMLElement
    tap(seen, 'comment-report')
    await waitFor(() => expect(navigate).toHaveBeenCalled())
    expect(screen.queryByTestId('report-sheet')).toBeNull()
  })

  test('a comment hidden by 5 reporters shows as 该评论已被隐藏 over its replies, without its words or actions', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const writer = await signUpPhone(api, '13900000001')
    const top = await commentWithReply(api, writer, '会被隐藏的一楼', { token, text: '楼下的回复' })
    await reportedBy(api, top, ['13900000002', '13900000003', '13900000004', '13900000005', '13900000006'])
    renderWithApp(<PostDetailView postId='post-r4' />)
    const placeholder = await screen.findByTestId('comment-hidden')
    expect(placeholder.textContent).toBe('该评论已被隐藏')
    expect(screen.queryByText('会被隐藏的一楼')).toBeNull()
    expect(within(placeholder).queryByTestId('comment-report')).toBeNull()
    expect(within(placeholder).queryByTestId('comment-reply')).toBeNull()
    expect(within(placeholder.parentElement as HTMLElement).getAllByTestId('reply')).toHaveLength(1)
  })

  test('the fifth report, made here, hides the comment at once: 该评论已被隐藏 over its reply, without reopening', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const writer = await signUpPhone(api, '13900000011')
    const top = await commentWithReply(api, writer, '第五个举报会隐藏我', { token: writer, text: '一楼自己的补充' })
    // Four reports before this member's: theirs is the fifth.
    await reportedBy(api, top, ['13900000012', '13900000013', '13900000014', '13900000015'])
    renderWithApp(<PostDetailView postId='post-r4' />)
    const entry = (await screen.findByText('第五个举报会隐藏我')).closest('[data-testid="comment"]') as HTMLElement
    tap(entry, 'comment-report')
    const sheet = await screen.findByTestId('report-sheet')
    tap(sheet, 'report-reason-spam')
    tap(sheet, 'report-submit')
    expect((await screen.findByTestId('comment-hidden')).textContent).toBe('该评论已被隐藏')
    expect(screen.queryByText('第五个举报会隐藏我')).toBeNull()
    expect(screen.getByText('一楼自己的补充')).toBeTruthy()
  })

  test('my own comment hidden by 5 reporters: I still read it, marked 已被隐藏，等待审核, with no 回复; others do not', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const mine = (
      await api.call('POST', '/posts/post-r4/comments', {
        token,
        body: { text: '被人举报的我的评论' },
        idempotencyKey: 'c-own-hidden',
      })
    ).json as { id: string }
    await api.call('POST', '/posts/post-r4/comments', {
      token: await signUpPhone(api, '13900000031'),
      body: { text: '旁边一条正常的评论' },
      idempotencyKey: 'c-own-hidden-neighbour',
    })
    for (const [index, phone] of ['13900000032', '13900000033', '13900000034', '13900000035', '13900000036'].entries())
      await api.call('POST', `/comments/${mine.id}/report`, {
        token: await signUpPhone(api, phone),
        body: { reason: 'spam' },
        idempotencyKey: `r-own-hide-${index}`,
      })
    const { unmount } = renderWithApp(<PostDetailView postId='post-r4' />)
    const entry = (await screen.findByText('被人举报的我的评论')).closest('[data-testid="comment"]') as HTMLElement
    expect(within(entry).getByTestId('comment-pending-review').textContent).toBe('已被隐藏，等待审核（仅你可见）')
    expect(within(entry).queryByTestId('comment-reply')).toBeNull()
    expect(within(entry).queryByTestId('comment-report')).toBeNull()
    expect(within(entry).getByTestId('comment-delete')).not.toBeNull()
    unmount()
    await signedIn(api, 'streak-day6')
    renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByText('旁边一条正常的评论')
    expect(screen.queryByText('被人举报的我的评论')).toBeNull()
    expect(screen.queryByTestId('comment-pending-review')).toBeNull()
  })
})

describe('PostDetailView: my own comment the operator removed', () => {
  const signUpPhone = async (api: Api, phone: string) =>
    ((await api.call('POST', '/auth/phone', { body: { phone, smsCode: '123456' } })).json as { token: string }).token

  test("I read it marked 已被移除 with the operator's reason, with 删除 and no 回复; others do not see it", async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const mine = (
      await api.call('POST', '/posts/post-r4/comments', {
        token,
        body: { text: '被移除的我的评论' },
        idempotencyKey: 'c-own-removed',
      })
    ).json as { id: string }
    await api.call('POST', '/posts/post-r4/comments', {
      token: await signUpPhone(api, '13900000041'),
      body: { text: '旁边留着的评论' },
      idempotencyKey: 'c-own-removed-neighbour',
    })
    for (const [index, phone] of ['13900000042', '13900000043', '13900000044', '13900000045', '13900000046'].entries())
      await api.call('POST', `/comments/${mine.id}/report`, {
        token: await signUpPhone(api, phone),
        body: { reason: 'abuse' },
        idempotencyKey: `r-own-remove-${index}`,
      })
    await api.call('POST', `/__mock/reviews/${mine.id}`, {
      body: { kind: 'comment', decision: 'remove', reason: '含有人身攻击' },
    })
    const { unmount } = renderWithApp(<PostDetailView postId='post-r4' />)
    const entry = (await screen.findByText('被移除的我的评论', { exact: false })).closest(
      '[data-testid="comment"]',
    ) as HTMLElement
    expect(within(entry).getByTestId('comment-removed').textContent).toBe('已被移除（仅你可见）')
    expect(within(entry).getByTestId('comment-removed-reason').textContent).toBe('\n移除原因：含有人身攻击')
    expect(within(entry).queryByTestId('comment-pending-review')).toBeNull()
    expect(within(entry).queryByTestId('comment-reply')).toBeNull()
    expect(within(entry).queryByTestId('comment-report')).toBeNull()
    expect(within(entry).getByTestId('comment-delete')).not.toBeNull()
    unmount()
    await signedIn(api, 'streak-day6')
    renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByText('旁边留着的评论')
    expect(screen.queryByText('被移除的我的评论', { exact: false })).toBeNull()
    expect(screen.queryByTestId('comment-removed')).toBeNull()
  })
  test('a backend that sends a blank reason: 已被移除 without an empty 移除原因： line', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const mine = (
      await api.call('POST', '/posts/post-r4/comments', {
        token,
        body: { text: '原因留空的被移除评论' },
        idempotencyKey: 'c-blank-reason',
      })
    ).json as { id: string }
    for (const [index, phone] of ['13900000061', '13900000062', '13900000063', '13900000064', '13900000065'].entries())
      await api.call('POST', `/comments/${mine.id}/report`, {
        token: await signUpPhone(api, phone),
        body: { reason: 'abuse' },
        idempotencyKey: `r-blank-reason-${index}`,
      })
    await api.call('POST', `/__mock/reviews/${mine.id}`, {
      body: { kind: 'comment', decision: 'remove', reason: '删' },
    })
    // Our server asks the operator for a reason; a brand's backend may keep none (the contract allows null or '').
    await api.sql(`UPDATE comments SET removed_reason = '  ' WHERE id = $1`, [mine.id])
    renderWithApp(<PostDetailView postId='post-r4' />)
    const entry = (await screen.findByText('原因留空的被移除评论', { exact: false })).closest(
      '[data-testid="comment"]',
    ) as HTMLElement
    expect(within(entry).getByTestId('comment-removed').textContent).toBe('已被移除（仅你可见）')
    expect(within(entry).queryByTestId('comment-removed-reason')).toBeNull()
    expect(entry.textContent).not.toContain('移除原因')
  })
  test('deleting it takes nothing off the post’s comment count (a removed comment was never counted)', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const mine = (
      await api.call('POST', '/posts/post-r4/comments', {
        token,
        body: { text: '被移除后删掉的评论' },
        idempotencyKey: 'c-removed-delete',
      })
    ).json as { id: string }
    await api.call('POST', '/posts/post-r4/comments', {
      token: await signUpPhone(api, '13900000051'),
      body: { text: '留着的评论' },
      idempotencyKey: 'c-removed-delete-neighbour',
    })
    for (const [index, phone] of ['13900000052', '13900000053', '13900000054', '13900000055', '13900000056'].entries())
      await api.call('POST', `/comments/${mine.id}/report`, {
        token: await signUpPhone(api, phone),
        body: { reason: 'spam' },
        idempotencyKey: `r-removed-delete-${index}`,
      })
    await api.call('POST', `/__mock/reviews/${mine.id}`, {
      body: { kind: 'comment', decision: 'remove', reason: '广告' },
    })
    const counted = (await serverPost(api, token, 'post-r4')).commentCount
    expect(counted).toBeGreaterThan(0)
    const { queryClient } = renderWithApp(<PostDetailView postId='post-r4' />)
    // The feed the member came from holds the post with the server's count (it is not read again on the way back).
    const feedKey = ['posts', 'list', 'recommend']
    queryClient.setQueryData(feedKey, {
      pages: [{ items: [{ ...(await serverPost(api, token, 'post-r4')), id: 'post-r4' }], nextCursor: null }],
      pageParams: [null],
    })
    const entry = (await screen.findByText('被移除后删掉的评论', { exact: false })).closest(
      '[data-testid="comment"]',
    ) as HTMLElement
    tap(entry, 'comment-delete')
    await waitFor(() => expect(modal).toHaveBeenCalled())
    await waitFor(() => expect(screen.queryByText('被移除后删掉的评论', { exact: false })).toBeNull())
    expect((await serverPost(api, token, 'post-r4')).commentCount).toBe(counted)
    const feed = queryClient.getQueryData<{ pages: { items: { commentCount: number }[] }[] }>(feedKey)
    expect(feed?.pages[0]?.items[0]?.commentCount).toBe(counted)
  })
})

describe('PostDetailView: long threads fold', () => {
  test('a comment with 4 replies shows 2 and 展开 2 条回复; a tap shows all; a reply sent into a folded thread opens it', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const other = (await api.signInPersona('kol-distributor')).token
    const thread = async (key: string, text: string, replies: string[]) => {
      const top = (
        await api.call('POST', '/posts/post-r4/comments', { token: other, body: { text }, idempotencyKey: key })
      ).json as { id: string }
      for (const [index, words] of replies.entries())
        await api.call('POST', '/posts/post-r4/comments', {
          token: other,
          body: { text: words, replyTo: top.id },
          idempotencyKey: `${key}-${index}`,
        })
    }
    await thread('long', '长楼一楼', ['第 1 条回复', '第 2 条回复', '第 3 条回复', '第 4 条回复'])
    await thread('second', '第二个长楼', ['二楼回复 1', '二楼回复 2', '二楼回复 3'])
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    const blockOf = (text: string) =>
      (screen.getByText(text).closest('[data-testid="comment"]') as HTMLElement).parentElement as HTMLElement
    await screen.findByText('长楼一楼')
    const replyTexts = (text: string) =>
      within(blockOf(text))
        .getAllByTestId('comment-text')
        .slice(1)
        .map((entry) => entry.textContent)
    expect(replyTexts('长楼一楼')).toEqual(['第 1 条回复', '第 2 条回复'])
    expect(within(blockOf('长楼一楼')).getByTestId('replies-expand').textContent).toBe('展开 2 条回复')
    expect(screen.queryByText('第 3 条回复')).toBeNull()
    tap(blockOf('长楼一楼'), 'replies-expand')
    await screen.findByText('第 4 条回复')
    expect(replyTexts('长楼一楼')).toEqual(['第 1 条回复', '第 2 条回复', '第 3 条回复', '第 4 条回复'])
    expect(within(blockOf('长楼一楼')).queryByTestId('replies-expand')).toBeNull()
    // The block is as tall as its entries and no taller: the layout and what is drawn agree.
    expect(blockOf('长楼一楼').style.height).not.toBe('')

    // The other thread is still folded; replying into it opens it, so the member sees their reply land.
    expect(within(blockOf('第二个长楼')).getByTestId('replies-expand').textContent).toBe('展开 1 条回复')
    tap(blockOf('第二个长楼').querySelector('[data-testid="comment"]') as HTMLElement, 'comment-reply')
    await screen.findByTestId('reply-target')
    await typeInto(container, 'comment-input', '我也来回复')
    tap(container, 'comment-send')
    await waitFor(() =>
      expect(replyTexts('第二个长楼')).toEqual(['二楼回复 1', '二楼回复 2', '二楼回复 3', '我也来回复']),
    )
    expect(within(blockOf('第二个长楼')).queryByTestId('replies-expand')).toBeNull()
  })
})
