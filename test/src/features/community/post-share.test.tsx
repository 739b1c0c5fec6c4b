import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import type { ReactElement } from 'react'
import { PostDetailView } from '@/features/community/components/post-detail-view'
import { postQuery } from '@/features/community/api/post-mutations'
import { postShareTitle } from '@/features/community/lib/post-share'
import { processMemory, reportArrival } from '@/lib/arrival-report'
import { parseSearch } from '@/lib/referral'
import { usePostShare } from '@/packages/community/post/use-post-share.weapp'
import { useSession } from '@/stores/session'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { KOL, signInAs } from '../distribution/card-support'
import { installInProcessApi } from '../../../support/in-process-api'

// A 分享赚 post (seed: post-e1, by the KOL Lina, code LINA88) shared from its page carries its author's code and the
// post, on weapp (the page's share payload) and on H5 (分享: the link shared or copied); any other post (post-r2)
// shares the post alone. A friend arriving through it is reported as an arrival through the post and binds.
jest.setTimeout(30_000)

// WeChat calls the page's onShareAppMessage / onShareTimeline when the member shares; here the hooks hand their
// callbacks to the test, which calls them the same way.
const mockShare: {
  appMessage?: () => { title?: string; path?: string }
  timeline?: () => { title?: string; query?: string }
} = {}
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return {
    ...actual,
    __esModule: true,
    default: actual.default,
    useShareAppMessage: (callback: () => { title?: string; path?: string }) => {
      mockShare.appMessage = callback
    },
    useShareTimeline: (callback: () => { title?: string; query?: string }) => {
      mockShare.timeline = callback
    },
  }
})

/** The post page's share, as the page runs it (the same query as the detail). */
function SharingPostPage({ postId }: { postId: string }): ReactElement | null {
  usePostShare(postId, useQuery(postQuery(postId)).data)
  return null
}

/** What the page answers WeChat asking for a chat share now. */
const sharedChat = () => mockShare.appMessage?.()

const EARN_PATH = `/packages/community/post/index?id=post-e1&ref=${KOL.code}&postId=post-e1`

beforeEach(() => useSession.getState().signedOut())
afterEach(() => {
  delete mockShare.appMessage
  delete mockShare.timeline
  jest.restoreAllMocks()
  Reflect.deleteProperty(navigator, 'share')
})

test('a title shortened to 30 never ends in half an emoji: one that straddles the cut is left out whole', () => {
  expect(postShareTitle({ text: `${'好'.repeat(29)}😀后面的话` })).toBe(`${'好'.repeat(29)}…`)
  expect(postShareTitle({ text: `${'好'.repeat(28)}😀后面的话` })).toBe(`${'好'.repeat(28)}😀…`)
})

describe('the post page share payload (weapp)', () => {
  test("a 分享赚 post's share carries its author's code and the post, to chats and to Moments", async () => {
    // Whoever shares it: here a member who is not its author and has no code of their own.
    await signInAs('new-member')
    renderWithApp(<SharingPostPage postId='post-e1' />)
    await waitFor(() => expect(mockShare.appMessage?.().path).toBe(EARN_PATH))
    expect(mockShare.appMessage?.().title).toBe('我的回购清单第一名：玻尿酸精华液。通过我的链接下单，我会收到…')
    expect(mockShare.timeline?.().query).toBe(`id=post-e1&ref=${KOL.code}&postId=post-e1`)
  })

  test('a post without a product shares the post alone, once it has loaded (before, the community tab)', async () => {
    const api = installInProcessApi()
    api.fail('GET', '/posts/post-r2', { kind: 'hang' })
    const loading = renderWithApp(<SharingPostPage postId='post-r2' />)
    // Not loaded yet, it may be deleted or not published: the menu is hidden, and a share asked anyway is the tab.
    await waitFor(() => expect(sharedChat()?.path).toBe('/pages/community/index'))
    loading.unmount()
    // Loaded: titled by its text, still no code.
    renderWithApp(<SharingPostPage postId='post-r2' />)
    await waitFor(() => expect(sharedChat()?.title).toBeTruthy())
    expect(sharedChat()?.path).toBe('/packages/community/post/index?id=post-r2')
    expect(mockShare.timeline?.().query).toBe('id=post-r2')
  })

  test("the author's own 分享赚 post that was not approved is not shareable: the menu is hidden, no code goes out", async () => {
    const { api, token } = await signInAs(KOL.persona)
    const hide = jest.spyOn(Taro, 'hideShareMenu').mockResolvedValue({ errMsg: 'hideShareMenu:ok' })
    const created = await api.call('POST', '/posts', {
      token,
      body: { text: '刷单返现，点我的链接', productId: 'p-serum' },
      idempotencyKey: 'rejected-earn-post',
    })
    const postId = (created.json as { id: string; status: string }).id
    expect((created.json as { status: string }).status).toBe('rejected')
    renderWithApp(<SharingPostPage postId={postId} />)
    // Nobody else can open it (404), so a share would lead friends nowhere and carry the code for nothing.
    await waitFor(() => expect(hide).toHaveBeenCalledWith({ menus: ['shareAppMessage', 'shareTimeline'] }))
    expect(sharedChat()).toEqual({ path: '/pages/community/index' })
    expect(mockShare.timeline?.()).toEqual({ query: '' })
  })

  test('a signed-in friend opening the shared path is reported as arriving through the post, and binds', async () => {
    const { api } = await signInAs('new-member')
    const query = parseSearch(EARN_PATH.split('?')[1] ?? '')
    const result = await reportArrival(query, { memory: processMemory() })
    expect(result).toMatchObject({ isBound: true, distributor: { nickname: KOL.nickname } })
    expect(api.sent.find((call) => call.path.endsWith('/distribution/arrivals'))?.body).toEqual({
      code: KOL.code,
      source: 'post',
      postId: 'post-e1',
    })
  })
})

describe('分享 on the post page (H5)', () => {
  const linkOf = (path: string) => `${window.location.origin}${path}`

  test("copies a 分享赚 post's link with its author's code, or hands it to the share sheet", async () => {
    installInProcessApi()
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok', data: '' })
    const { container, findByTestId } = renderWithApp(<PostDetailView postId='post-e1' />)
    await findByTestId('post-share')
    tap(container, 'post-share')
    await waitFor(() => expect(copy).toHaveBeenCalledWith({ data: linkOf(EARN_PATH) }))

    const share = jest.fn<Promise<void>, [ShareData]>().mockResolvedValue(undefined)
    Object.assign(navigator, { share })
    tap(container, 'post-share')
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1))
    expect(share.mock.calls[0]?.[0].url).toBe(linkOf(EARN_PATH))
    expect(copy).toHaveBeenCalledTimes(1)
  })

  test("the author's post that is not published has no 分享 (nor like, comment or report): its state instead", async () => {
    const { api, token } = await signInAs(KOL.persona)
    const created = await api.call('POST', '/posts', {
      token,
      body: { text: '刷单返现，点我的链接', productId: 'p-serum' },
      idempotencyKey: 'rejected-earn-post-h5',
    })
    const postId = (created.json as { id: string }).id
    const { findByTestId, queryByTestId } = renderWithApp(<PostDetailView postId={postId} />)
    expect((await findByTestId('post-unpublished')).getAttribute('data-status')).toBe('rejected')
    expect(queryByTestId('post-share')).toBeNull()
    expect(queryByTestId('like-button')).toBeNull()
    expect(queryByTestId('report-button')).toBeNull()
    expect(queryByTestId('comment-bar')).toBeNull()
  })

  test('any other post can be shared too: its link names the post and no code', async () => {
    installInProcessApi()
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok', data: '' })
    const { container, findByTestId } = renderWithApp(<PostDetailView postId='post-r2' />)
    await findByTestId('post-share')
    tap(container, 'post-share')
    await waitFor(() =>
      expect(copy).toHaveBeenCalledWith({ data: linkOf('/packages/community/post/index?id=post-r2') }),
    )
  })
})
