import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { configure, screen, waitFor, within } from '@testing-library/react'
import type { Post } from '@/contract'
import { PostCard } from '@/features/community/components/post-card'
import { PostComposer } from '@/features/community/components/post-composer'
import { PostDetailView } from '@/features/community/components/post-detail-view'
import { useComposeDraft } from '@/features/community/lib/compose-draft'
import { designLength } from '@/features/community/lib/design-units'
import { COMMENT_LINE_HEIGHT, TEXT_LINE_HEIGHT } from '@/features/community/lib/card-layout'
import { useLocale } from '@/lib/i18n'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// Posts and comments in paragraphs: the composer sends the line breaks the member typed, the server keeps them,
// and the feed card, the post page and its comments show them. A text the server refuses is explained in the
// UI language, never in the server's own words.

jest.mock('@/features/community/lib/pick-images', () => ({ pickImages: jest.fn(), releaseImage: jest.fn() }))

// Each test seeds its own in-process server; on a loaded 2-core machine that alone can take seconds.
jest.setTimeout(30_000)
configure({ asyncUtilTimeout: 8000 })

type Api = ReturnType<typeof installInProcessApi>

async function signedIn(api: Api): Promise<string> {
  const { token } = await api.signInPersona('new-member')
  useSession.getState().signedIn(token)
  return token
}

const sentPosts = (api: Api) => api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/posts'))

beforeEach(() => {
  useComposeDraft.getState().cleared()
  useSession.getState().signedOut()
})
afterEach(() => jest.restoreAllMocks())

describe('PostComposer: paragraphs', () => {
  test('publishes two paragraphs with the line break between them, and the server keeps it', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    renderWithApp(<PostComposer />)
    await typeInto(document.body, 'compose-text', '第一段\n\n第二段')
    tap(document.body, 'compose-publish')
    const result = await screen.findByTestId('publish-result')
    expect(result.getAttribute('data-status')).toBe('published')
    expect(screen.queryByTestId('compose-error')).toBeNull()
    expect(sentPosts(api).map((call) => (call.body as { text: string }).text)).toEqual(['第一段\n\n第二段'])
    const mine = (await api.call('GET', '/me/posts', { token })).json as { items: Post[] }
    expect(mine.items[0]?.text).toBe('第一段\n\n第二段')
  })

  test('a text the server refuses is explained in Chinese, not in the server’s words; the draft is kept', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    renderWithApp(<PostComposer />)
    // A tab pasted from a document: a control character the contract still refuses.
    await typeInto(document.body, 'compose-text', '第一段\n第二段\t结尾')
    tap(document.body, 'compose-publish')
    const error = await screen.findByTestId('compose-error')
    await waitFor(() => expect(error.textContent).toBe('正文里有无法显示的字符（如制表符），请删除后再发布'))
    expect(error.textContent).not.toMatch(/[A-Za-z]/)
    expect(sentPosts(api)).toHaveLength(1)
    expect(useComposeDraft.getState().text).toBe('第一段\n第二段\t结尾')
  })

  test('in English the same refusal is in English; words the app does not know get a general sentence', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    useLocale.getState().localeChosen('en')
    renderWithApp(<PostComposer />)
    await typeInto(document.body, 'compose-text', '第一段\t第二段')
    tap(document.body, 'compose-publish')
    await waitFor(() =>
      expect(screen.getByTestId('compose-error').textContent).toBe(
        'The text has characters that cannot be shown (such as tabs); remove them and publish again',
      ),
    )

    // A backend's own words for the text (not the contract's) are not shown either.
    api.fail('POST', '/posts', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({
        error: { code: 'VALIDATION_FAILED', message: 'bad', details: { fields: { text: 'risky content (87014)' } } },
      }),
    })
    await typeInto(document.body, 'compose-text', '第一段\n第二段')
    tap(document.body, 'compose-publish')
    await waitFor(() =>
      expect(screen.getByTestId('compose-error').textContent).toBe(
        'The text could not be published; edit it and try again',
      ),
    )
    expect(document.body.textContent).not.toContain('87014')
  })
})

describe('showing paragraphs', () => {
  test('the feed card keeps the line breaks, gives each paragraph its line, and the stylesheet keeps them', () => {
    const post: Post = {
      id: 'p1',
      author: { id: 'm1', nickname: '小林', avatarUrl: '', levelCode: 'V2' },
      text: '第一段\n第二段\n第三段',
      images: [],
      topic: null,
      section: 'recommend',
      status: 'published',
      likeCount: 0,
      commentCount: 0,
      likedByMe: false,
      isPinned: false,
      createdAt: '2026-11-23T08:00:00+08:00',
      productId: null,
    }
    const { container } = renderWithApp(<PostCard post={post} onOpened={() => undefined} />)
    const text = screen.getByTestId('post-text')
    expect(text.textContent).toBe('第一段\n第二段\n第三段')
    expect((container.querySelector('.feed-card__text-box') as HTMLElement).style.height).toBe(
      designLength(3 * TEXT_LINE_HEIGHT),
    )
    expect(screen.queryByTestId('post-more')).toBeNull()
    // On H5 a Taro Text is an inline element: without pre-wrap its line breaks would fold into spaces.
    const styles = (file: string) =>
      readFileSync(join(__dirname, '../../../../src/features/community/components', file), 'utf8')
    const rule = (css: string, selector: string) => new RegExp(`\\${selector} \\{[^}]*\\}`).exec(css)?.[0] ?? ''
    expect(rule(styles('post-card.scss'), '.feed-card__text')).toMatch(/white-space: pre-wrap/)
    expect(rule(styles('post-card.scss'), '.feed-card__text')).toMatch(/-webkit-box/)
    expect(rule(styles('post-detail-view.scss'), '.post-detail__text')).toMatch(/white-space: pre-wrap/)
    expect(rule(styles('post-detail-view.scss'), '.comment__text')).toMatch(/white-space: pre-wrap/)
  })

  test('the post page shows a post and its comment in paragraphs, as text', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const text = '第一段\n<b>第二段</b>'
    const created = await api.call('POST', '/posts', { token, body: { text }, idempotencyKey: 'lb-post' })
    expect(created.status).toBe(201)
    const id = (created.json as { id: string }).id
    const commented = await api.call('POST', `/posts/${id}/comments`, {
      token,
      body: { text: '一楼\n试试这个' },
      idempotencyKey: 'lb-comment',
    })
    expect(commented.status).toBe(201)
    const { container } = renderWithApp(<PostDetailView postId={id} />)
    expect((await screen.findByTestId('post-full-text')).textContent).toBe(text)
    expect(container.querySelector('b')).toBeNull()
    const comment = await screen.findByTestId('comment')
    expect(within(comment).getByTestId('comment-text').textContent).toBe('一楼\n试试这个')
    // Two lines of text: the box is the height of two.
    expect((comment.querySelector('.comment__text-box') as HTMLElement).style.height).toBe(
      designLength(2 * COMMENT_LINE_HEIGHT),
    )
  })
})

describe('CommentBar: a refused comment', () => {
  test('is explained in Chinese, not in the server’s words, and the words are kept', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const { container } = renderWithApp(<PostDetailView postId='post-r4' />)
    await screen.findByTestId('post-detail')
    await typeInto(container, 'comment-input', '好用\t推荐')
    tap(container, 'comment-send')
    expect((await screen.findByTestId('comment-problem')).textContent).toBe(
      '评论里有无法显示的字符（如制表符），请删除后再发送',
    )
    expect((container.querySelector('textarea[data-testid="comment-input"]') as HTMLTextAreaElement).value).toBe(
      '好用\t推荐',
    )
  })
})
