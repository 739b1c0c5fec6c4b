import Taro from '@tarojs/taro'
import { screen, waitFor } from '@testing-library/react'
import type { Fan } from '@/contract/kol'
import PostPage from '@/packages/community/post/index'
import SignInPage from '@/packages/auth/sign-in/index'
import { reportLaterReferrals } from '@/lib/later-referrals'
import { useReferral } from '@/stores/referral'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { setRouterParams } from '../../../support/taro-shim'

// The in-process server migrates and seeds on the first call: seconds on a loaded machine.
jest.setTimeout(30_000)

afterEach(() => setRouterParams({}))

describe("a visitor who opens a KOL's 分享赚 post and signs up later", () => {
  test('is bound through that post: the sign-in names it, and the KOL has the fan from 笔记 with the post', async () => {
    const api = installInProcessApi()
    jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
    const earn = (await api.call('GET', '/posts?section=earn&limit=50')).json.items as {
      id: string
      authorReferralCode: string | null
    }[]
    const post = earn.find((item) => item.authorReferralCode === 'LINA88')
    if (!post) throw new Error("No 分享赚 post of Lina's in the seed")

    // The post's share link (`ref=CODE&postId=ID`), opened by a visitor: the page captures the code and the post.
    setRouterParams({ id: post.id, ref: 'LINA88', postId: post.id })
    const page = renderWithApp(<PostPage />)
    await waitFor(() =>
      expect(useReferral.getState()).toMatchObject({
        capturedCode: 'LINA88',
        capturedSource: 'post',
        capturedPostId: post.id,
      }),
    )
    page.unmount()

    setRouterParams({})
    const { container } = renderWithApp(<SignInPage />)
    await typeInto(container, 'phone-input', '13700000031')
    tap(container, 'send-code')
    await screen.findByText(/秒后重发/)
    await typeInto(container, 'code-input', '123456')
    tap(container, 'sign-in-submit')

    await waitFor(() => expect(api.sent.some((item) => item.path.endsWith('/auth/phone'))).toBe(true))
    const signIn = api.sent.find((item) => item.path.endsWith('/auth/phone'))
    expect(signIn?.body).toMatchObject({ ref: 'LINA88', refSource: 'post', refPostId: post.id })
    await waitFor(() => expect(useReferral.getState()).toMatchObject({ capturedCode: null }))
    expect(useReferral.getState().capturedPostId).toBeUndefined()

    const { token } = await api.signInPersona('kol-distributor')
    await waitFor(async () => {
      const fans = (await api.call('GET', '/distribution/fans?limit=50', { token })).json.items as Fan[]
      expect(fans.find((fan) => fan.member.nickname.endsWith('0031'))).toMatchObject({ source: 'post' })
    })
    const bindings = await api.sql<{ postId: string | null }>(
      `SELECT b.post_id AS "postId" FROM bindings b JOIN members m ON m.id = b.member_id WHERE m.phone = $1`,
      ['13700000031'],
    )
    expect(bindings).toEqual([{ postId: post.id }])
  })

  test('a mangled post id in the link is no post: the code still binds, as a link, and the sign-in goes through', async () => {
    const api = installInProcessApi()
    jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
    // Cut off or edited by hand: a sign-in carrying it as refPostId would be refused (400) every time.
    setRouterParams({ id: 'post-e1', ref: 'LINA88', postId: '' })
    renderWithApp(<PostPage />).unmount()
    setRouterParams({ ref: 'LINA88', postId: 'x'.repeat(65) })
    renderWithApp(<PostPage />).unmount()
    expect(useReferral.getState()).toMatchObject({ capturedCode: 'LINA88', capturedSource: 'link' })
    expect(useReferral.getState().capturedPostId).toBeUndefined()

    setRouterParams({})
    const { container } = renderWithApp(<SignInPage />)
    await typeInto(container, 'phone-input', '13700000032')
    tap(container, 'send-code')
    await screen.findByText(/秒后重发/)
    await typeInto(container, 'code-input', '123456')
    tap(container, 'sign-in-submit')
    await waitFor(() => expect(useSession.getState().token).toBeTruthy())
    const signIn = api.sent.find((item) => item.path.endsWith('/auth/phone'))
    expect(signIn?.body).toMatchObject({ ref: 'LINA88', refSource: 'link' })
    expect(signIn?.body).not.toHaveProperty('refPostId')
  })

  test('a later code that came through a post is reported with its post after the sign-in', async () => {
    const api = installInProcessApi()
    const { captured } = useReferral.getState()
    captured('MIAO66')
    captured('LINA88', 'post', 'post-1')
    const { laterCodes } = useReferral.getState()
    expect(laterCodes).toEqual([{ code: 'LINA88', source: 'post', postId: 'post-1' }])
    useSession.getState().signedIn((await api.signInPersona('new-member')).token)
    await reportLaterReferrals(laterCodes)
    const arrivals = api.sent.filter((item) => item.method === 'POST' && item.path.endsWith('/distribution/arrivals'))
    expect(arrivals.map((item) => item.body)).toEqual([{ code: 'LINA88', source: 'post', postId: 'post-1' }])
  })
})
