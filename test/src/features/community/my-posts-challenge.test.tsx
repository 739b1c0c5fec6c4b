import Taro from '@tarojs/taro'
import { configure, fireEvent, screen, waitFor } from '@testing-library/react'
import type { Post } from '@/contract'
import type { ChallengeEvent } from '@/contract/challenge'
import { CertificateVerification } from '@/features/community/components/certificate-view'
import { ChallengePinned } from '@/features/community/components/challenge-pinned'
import { ChallengeView } from '@/features/community/components/challenge-view'
import { MyPostList } from '@/features/community/components/my-post-list'
import { PublishResult } from '@/features/community/components/publish-result'
import { communityRoutes } from '@/features/community/lib/community-routes'
import { useComposeDraft } from '@/features/community/lib/compose-draft'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

jest.setTimeout(20_000)
// Each test seeds its own in-process server; on a loaded machine its first answer can take seconds.
configure({ asyncUtilTimeout: 8000 })

type Api = ReturnType<typeof installInProcessApi>

async function signedIn(api: Api, persona = 'new-member'): Promise<string> {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return token
}

const post = (api: Api, token: string, text: string) =>
  api.call('POST', '/posts', { token, body: { text }, idempotencyKey: `post-${Math.random()}` })

/** A post of mine that 5 members reported and the operator then removed with a reason. */
async function removedPost(api: Api, token: string): Promise<string> {
  const created = await post(api, token, '加微信领优惠券')
  const postId = (created.json as { id: string }).id
  for (const persona of ['streak-day6', 'kol-distributor', 'kol-fan', 'points-expiring', 'birthday-month'])
    await api.call('POST', `/posts/${postId}/report`, {
      token: (await api.signInPersona(persona)).token,
      body: { reason: 'spam' },
      idempotencyKey: `report-${postId}-${persona}`,
    })
  await api.call('POST', `/__mock/reviews/${postId}`, {
    body: { kind: 'post', decision: 'remove', reason: '含有广告引流内容' },
  })
  return postId
}

let navigateTo: jest.SpyInstance
let showModal: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  showModal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
})
afterEach(() => {
  navigateTo.mockRestore()
  showModal.mockRestore()
})

describe('MyPostList (我的笔记)', () => {
  test('shows each of my posts with its state, and the reason for a rejected one', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    await post(api, token, '今天的好物种草')
    await post(api, token, '兼职刷单来找我')
    renderWithApp(<MyPostList />)
    await waitFor(() => expect(screen.getAllByTestId('my-post').length).toBe(2))
    const [rejected, published] = screen.getAllByTestId('my-post') as [HTMLElement, HTMLElement]
    expect(rejected.getAttribute('data-status')).toBe('rejected')
    expect(rejected.querySelector('[data-testid="post-state"]')?.textContent).toBe('未通过')
    expect(rejected.querySelector('[data-testid="my-post-reason"]')?.textContent).toContain('刷单')
    expect(published.querySelector('[data-testid="post-state"]')?.textContent).toBe('已发布')
    expect(published.querySelector('[data-testid="my-post-reason"]')).toBeNull()
    // User text is text: markup-looking posts would show as characters (the text node holds them as typed).
    expect(published.querySelector('[data-testid="my-post-text"]')?.textContent).toBe('今天的好物种草')
  })

  test('a post the operator removed after reports says 已被移除 with the reason, and has 删除 but no 修改后重发', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const postId = await removedPost(api, token)
    await post(api, token, '兼职刷单来找我')
    renderWithApp(<MyPostList />)
    await waitFor(() => expect(screen.getAllByTestId('my-post').length).toBe(2))
    const [rejected, removed] = screen.getAllByTestId('my-post') as [HTMLElement, HTMLElement]
    // The review's refusal is still 未通过 with 修改后重发.
    expect(rejected.querySelector('[data-testid="post-state"]')?.textContent).toBe('未通过')
    expect(rejected.querySelector('[data-testid="my-post-rework"]')).not.toBeNull()
    expect(removed.getAttribute('data-status')).toBe('rejected')
    expect(removed.querySelector('[data-testid="post-state"]')?.textContent).toBe('已被移除')
    expect(removed.querySelector('[data-testid="my-post-reason"]')?.textContent).toBe('原因：含有广告引流内容')
    expect(removed.querySelector('[data-testid="my-post-rework"]')).toBeNull()
    expect(removed.querySelector('[data-testid="my-post-delete"]')).not.toBeNull()
    tap(removed, 'my-post-open')
    expect(navigateTo).toHaveBeenCalledWith({ url: `${communityRoutes.post}?id=${postId}` })
  })

  test('the publish result of a post removed since says 已被移除, keeps no draft to fix and offers 再写一篇', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const postId = await removedPost(api, token)
    const onWriteAgain = jest.fn()
    renderWithApp(<PublishResult postId={postId} onWriteAgain={onWriteAgain} />)
    const result = await screen.findByTestId('publish-result')
    expect(result.querySelector('[data-testid="post-state"]')?.textContent).toBe('已被移除')
    expect(screen.getByTestId('publish-state-hint').textContent).toBe(
      '笔记发布后被多人举报，经审核已被移除，其他人看不到了',
    )
    expect(result.textContent).not.toContain('草稿已保留')
    expect(screen.getByTestId('publish-reject-reason').textContent).toBe('原因：含有广告引流内容')
    expect(screen.queryByTestId('publish-edit-again')).toBeNull()
    tap(result, 'publish-write-another')
    expect(onWriteAgain).toHaveBeenCalled()
  })

  test('deletes a post only after the member confirms', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    await post(api, token, '要删掉的一篇')
    renderWithApp(<MyPostList />)
    const row = await screen.findByTestId('my-post')

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    tap(row, 'my-post-delete')
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(api.sent.filter((call) => call.method === 'DELETE')).toHaveLength(0)

    tap(row, 'my-post-delete')
    await waitFor(() => expect(screen.queryByTestId('my-post')).toBeNull())
    expect(api.sent.filter((call) => call.method === 'DELETE')).toHaveLength(1)
    const mine = (await api.call('GET', '/me/posts', { token })).json as { items: Post[] }
    expect(mine.items).toEqual([])
  })
})

describe('修改后重发 (a rejected post, corrected instead of written again)', () => {
  const rejectedPost = async (api: Api, token: string) => {
    const created = await api.call('POST', '/posts', {
      token,
      body: { text: '兼职刷单，日结', topic: '好物种草', images: [] },
      idempotencyKey: `post-${Math.random()}`,
    })
    return created.json as Post
  }

  beforeEach(() => useComposeDraft.getState().cleared())

  test('only a rejected post offers it; it fills the composer with that post and opens it', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    await post(api, token, '今天的好物种草')
    const rejected = await rejectedPost(api, token)
    renderWithApp(<MyPostList />)
    await waitFor(() => expect(screen.getAllByTestId('my-post').length).toBe(2))
    const [rejectedRow, publishedRow] = screen.getAllByTestId('my-post') as [HTMLElement, HTMLElement]
    expect(publishedRow.querySelector('[data-testid="my-post-rework"]')).toBeNull()
    expect(rejectedRow.querySelector('[data-testid="my-post-rework"]')?.textContent).toBe('修改后重发')

    // The rejected post opens too: its page shows it whole, with its state, the reason and 修改后重发.
    tap(rejectedRow, 'my-post-open')
    await waitFor(() =>
      expect(navigateTo).toHaveBeenCalledWith({ url: `${communityRoutes.post}?id=${encodeURIComponent(rejected.id)}` }),
    )

    tap(rejectedRow, 'my-post-rework')
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: communityRoutes.compose }))
    expect(showModal).not.toHaveBeenCalled()
    expect(useComposeDraft.getState()).toMatchObject({
      text: '兼职刷单，日结',
      topic: '好物种草',
      images: [],
      productId: null,
      replaces: [rejected.id],
    })
  })

  test('an unsaved draft of another post is replaced only after the member agrees', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const rejected = await rejectedPost(api, token)
    useComposeDraft.getState().textChanged('写了一半的另一篇')
    renderWithApp(<MyPostList />)
    const row = await screen.findByTestId('my-post')

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    tap(row, 'my-post-rework')
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(navigateTo).not.toHaveBeenCalled()
    expect(useComposeDraft.getState()).toMatchObject({ text: '写了一半的另一篇', replaces: [] })

    tap(row, 'my-post-rework')
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: communityRoutes.compose }))
    expect(useComposeDraft.getState()).toMatchObject({ text: '兼职刷单，日结', replaces: [rejected.id] })

    // Already its correction (edited since): opened again as it is, nothing asked, nothing overwritten.
    useComposeDraft.getState().textChanged('兼职日结')
    tap(row, 'my-post-rework')
    await waitFor(() => expect(navigateTo).toHaveBeenCalledTimes(2))
    expect(showModal).toHaveBeenCalledTimes(2)
    expect(useComposeDraft.getState()).toMatchObject({ text: '兼职日结', replaces: [rejected.id] })
  })
})

describe('修改后重发 on a shared phone', () => {
  test('another member’s draft is dropped unasked, and the composer keeps the reworked post', async () => {
    const api = installInProcessApi()
    useComposeDraft.getState().cleared()
    useComposeDraft.getState().ownerSeen('m-someone-else')
    useComposeDraft.getState().textChanged('别人的草稿')
    const token = await signedIn(api)
    const created = await api.call('POST', '/posts', {
      token,
      body: { text: '兼职刷单，日结' },
      idempotencyKey: `post-${Math.random()}`,
    })
    const rejected = created.json as Post
    renderWithApp(<MyPostList />)
    tap(await screen.findByTestId('my-post'), 'my-post-rework')
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: communityRoutes.compose }))
    expect(showModal).not.toHaveBeenCalled()
    // The composer, opening, sees its member: the draft is theirs already, so nothing is dropped.
    useComposeDraft.getState().ownerSeen(rejected.author.id)
    expect(useComposeDraft.getState()).toMatchObject({
      ownerId: rejected.author.id,
      text: '兼职刷单，日结',
      replaces: [rejected.id],
    })
  })
})

describe('the check-in challenge', () => {
  test('a visitor sees the week’s challenge and how many joined, and joining asks to sign in', async () => {
    const api = installInProcessApi()
    const events = (await api.call('GET', '/events')).json as { items: ChallengeEvent[] }
    const running = events.items.find((event) => event.status === 'running') as ChallengeEvent
    // The page the visitor is on, as Taro's router would answer.
    const pages = jest
      .spyOn(Taro, 'getCurrentPages')
      .mockReturnValue([{ route: 'packages/community/challenge/index', options: {} }] as never)
    renderWithApp(<ChallengeView />)
    await screen.findByTestId('challenge')
    expect(screen.getByTestId('challenge').getAttribute('data-event-id')).toBe(running.id)
    expect(screen.getByTestId('challenge-joined-count').textContent).toBe(`${running.joinedCount} 人已参加`)
    tap(document.body, 'challenge-join')
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/auth/sign-in/index?returnTo=${encodeURIComponent('/packages/community/challenge/index')}`,
    })
    expect(api.sent.filter((call) => call.method === 'POST')).toHaveLength(0)
    pages.mockRestore()
  })

  test('a member joins and sees the seven days with today marked; the count goes up by one', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    renderWithApp(<ChallengeView />)
    await screen.findByTestId('challenge-join')
    const before = Number(screen.getByTestId('challenge-joined-count').textContent?.replace(/\D/g, ''))
    tap(document.body, 'challenge-join')
    await waitFor(() => expect(screen.getAllByTestId('challenge-day').length).toBe(7))
    const states = screen.getAllByTestId('challenge-day').map((day) => day.getAttribute('data-state'))
    expect(states.filter((state) => state === 'today')).toHaveLength(1)
    expect(states.every((state) => state !== 'checked')).toBe(true)
    expect(screen.getByTestId('challenge-joined-count').textContent).toBe(`${before + 1} 人已参加`)
    expect(screen.getByTestId('challenge-progress').textContent).toBe('已打卡 0/7 天')
  })

  test('the pinned card opens the challenge page', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    renderWithApp(<ChallengePinned />)
    fireEvent.click(await screen.findByTestId('challenge-pinned'))
    expect(navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining(`${communityRoutes.challenge}?id=`) })
  })
})

describe('CertificateVerification', () => {
  test('a code the server never issued is said to be unknown', async () => {
    installInProcessApi()
    renderWithApp(<CertificateVerification code='FLC-AAAA-BBBB' />)
    expect((await screen.findByTestId('empty-state')).textContent).toContain('没有找到这个验证码对应的证书')
    expect(screen.queryByTestId('certificate-verified')).toBeNull()
  })

  test('a KOL certificate past its year is shown as expired, never as a bare card a verifier could take as valid', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('kol-distributor')
    const mine = (await api.call('GET', '/certificates', { token })).json as {
      items: { code: string; endsOn: string }[]
    }
    const kol = mine.items[0]
    if (!kol) throw new Error('the KOL persona has no certificate')
    await api.call('POST', '/__mock/clock', { body: { advanceDays: 400 } })
    renderWithApp(<CertificateVerification code={kol.code} />)
    const verdict = await screen.findByTestId('certificate-expired')
    expect(verdict.textContent).toBe(`✕ 证书已过期（有效期至 ${kol.endsOn}）`)
    expect(screen.queryByTestId('certificate-verified')).toBeNull()
  })
})
