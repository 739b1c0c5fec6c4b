import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { MemberSummary } from '@/features/account/components/member-summary'
import { CheckinCard } from '@/features/membership/components/checkin-card'
import { PreviewConsole } from '@/features/preview/components/preview-console'
import { REVIEWS_PAGE_SIZE } from '@/features/preview/api/preview-queries'
import { PreviewConsoleEntry } from '@/features/preview/preview-entry'
import { postMessages } from '@/features/community/post-messages'
import { useLocale } from '@/lib/i18n'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// The operator's preview console over the real server (in-process): each action is the server's, and the app
// beside it shows the new state without a reload.
const renderConsoleBesideApp = () =>
  renderWithApp(
    <>
      <MemberSummary />
      <CheckinCard />
      <PreviewConsole />
    </>,
  )

const openConsole = async (container: HTMLElement) => {
  tap(container, 'preview-console-open')
  await screen.findByTestId('preview-console')
  await screen.findByTestId('preview-persona-streak-day6')
}

describe('PreviewConsole', () => {
  afterEach(() => useSession.getState().signedOut())

  test('is left out where TARO_APP_PREVIEW is not on (production builds; check:h5 and check:weapp check the files)', () => {
    expect(process.env.TARO_APP_PREVIEW).toBeUndefined()
    expect(PreviewConsoleEntry).toBeNull()
  })

  test('becomes a persona: the app shows that member at once, on the server time shown', async () => {
    installInProcessApi()
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    expect((await screen.findByTestId('preview-server-time')).textContent).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // Which API the build talks to is for the operator here (我的 shows members no 服务地址).
    expect(screen.getByTestId('preview-api-base').textContent).toMatch(/^服务地址 \S*\/api\/v1$/)

    tap(container, 'preview-persona-streak-day6')
    await waitFor(() => expect(useSession.getState().token).not.toBeNull())
    expect((await screen.findByTestId('checkin-streak')).textContent).toBe('已连续签到 5 天')
  })

  test('moves the clock a day: the time shown follows, and a checked-in card opens again for the new day', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('streak-day6')
    useSession.getState().signedIn(token)
    await api.call('POST', '/checkin', { token, idempotencyKey: 'preview-day-6' })
    const { container } = renderConsoleBesideApp()
    await screen.findByTestId('checkin-done')
    await openConsole(container)
    const before = (await screen.findByTestId('preview-server-time')).textContent ?? ''
    await waitFor(() => expect(screen.getByTestId('preview-server-time').textContent).not.toBe('…'))
    const shownBefore = screen.getByTestId('preview-server-time').textContent ?? before

    tap(container, 'preview-plus-day')
    // The new business day: check-in is open again and the streak is now 6 days long.
    await screen.findByTestId('checkin-button')
    expect(screen.getByTestId('checkin-streak').textContent).toBe('已连续签到 6 天')
    await waitFor(() => expect(screen.getByTestId('preview-server-time').textContent).not.toBe(shownBefore))
    const shownAfter = screen.getByTestId('preview-server-time').textContent ?? ''
    expect(Date.parse(shownAfter.replace(' ', 'T') + ':00Z') - Date.parse(shownBefore.replace(' ', 'T') + ':00Z')).toBe(
      24 * 3600 * 1000,
    )
  })

  test('grants points to the member on screen, and refuses a grant that is not a whole number', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const balance = async () => (await api.call('GET', '/me', { token })).json.pointsBalance as number
    const before = await balance()
    const { container } = renderConsoleBesideApp()
    await openConsole(container)

    await typeInto(container, 'preview-points-input', '1.5')
    tap(container, 'preview-grant')
    expect((await screen.findByTestId('preview-problem')).textContent).toBe('请输入整数')

    await typeInto(container, 'preview-points-input', '500')
    tap(container, 'preview-grant')
    await waitFor(async () => expect(await balance()).toBe(before + 500))
  })

  test('refuses a negative growth before asking the server, saying growth only goes up', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    await typeInto(container, 'preview-growth-input', '-5')
    tap(container, 'preview-grant')
    expect((await screen.findByTestId('preview-problem')).textContent).toBe('成长值只能增加：请输入 0 或正整数')
  })

  test('sets a gift stock, and a gift that does not exist is said so', async () => {
    const api = installInProcessApi()
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    await typeInto(container, 'preview-gift-input', 'gift-tote')
    await typeInto(container, 'preview-stock-input', '3')
    tap(container, 'preview-set-stock')
    await waitFor(async () => expect((await api.call('GET', '/gifts/gift-tote')).json.stock).toBe(3))

    await typeInto(container, 'preview-gift-input', 'no-such-gift')
    tap(container, 'preview-set-stock')
    expect((await screen.findByTestId('preview-problem')).textContent).not.toBe('')
  })

  test('resets the data after asking, and the session that belonged to the old data ends', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    tap(container, 'preview-reset')
    await waitFor(() => expect(useSession.getState().token).toBeNull())
    expect((await api.call('GET', '/me', { token })).status).toBe(401)
  })

  test('marks who the app is from the session: a persona the desktop page chose, after closing and opening, a visitor', async () => {
    const api = installInProcessApi()
    // Signed in before the console is opened (the desktop preview page's ?previewAs=, or an earlier visit).
    const { token } = await api.signInPersona('kol-distributor')
    useSession.getState().signedIn(token)
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    const titleOf = (id: string) => screen.getByTestId(`preview-persona-${id}`).textContent ?? ''
    await waitFor(() => expect(titleOf('kol-distributor')).toContain('· 当前'))
    expect(titleOf('visitor')).not.toContain('· 当前')

    tap(container, 'preview-persona-streak-day6')
    await waitFor(() => expect(titleOf('streak-day6')).toContain('· 当前'))
    expect(titleOf('kol-distributor')).not.toContain('· 当前')
    // Closed and opened again: still marked.
    fireEvent.click(screen.getByLabelText('关闭'))
    await openConsole(container)
    await waitFor(() => expect(titleOf('streak-day6')).toContain('· 当前'))

    tap(container, 'preview-persona-visitor')
    await waitFor(() => expect(titleOf('visitor')).toContain('· 当前'))
    expect(titleOf('streak-day6')).not.toContain('· 当前')
  })

  test('shows the config check of the config in force', async () => {
    installInProcessApi()
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    await waitFor(() => expect(screen.getByTestId('preview-config-findings').textContent).toContain('当前配置没有问题'))
  })

  test('shows each warning of the config in force, with the rule it breaks and what to do instead', async () => {
    // Paid plans granting distribution: a warning (H5 only, never in the mini-program), so the server still runs.
    installInProcessApi({
      config: (config) => ({
        ...config,
        distribution: { ...config.distribution, routes: { ...config.distribution.routes, plan: true } },
      }),
    })
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    const findings = screen.getByTestId('preview-config-findings')
    await waitFor(() => expect(findings.textContent).toContain('distribution.routes.plan'))
    expect(findings.textContent).toContain('WeChat forbids a paid entry to distribution')
    expect(findings.textContent).toContain('Keep it off')
    expect(findings.textContent).not.toContain('当前配置没有问题')
  })

  test('待复核 lists what reports hid, newest first; 恢复 brings a post back and 移除 takes one away with the reason', async () => {
    const api = installInProcessApi()
    const signUpPhone = async (phone: string) =>
      ((await api.call('POST', '/auth/phone', { body: { phone, smsCode: '123456' } })).json as { token: string }).token
    const author = await signUpPhone('13900000011')
    const created = await api.call('POST', '/posts', {
      token: author,
      body: { text: '含有引流内容的笔记' },
      idempotencyKey: 'review-post',
    })
    const postId = (created.json as { id: string }).id
    for (const [index, phone] of ['13900000012', '13900000013', '13900000014', '13900000015', '13900000016'].entries())
      await api.call('POST', `/posts/${postId}/report`, {
        token: await signUpPhone(phone),
        body: { reason: index < 3 ? 'spam' : 'abuse' },
        idempotencyKey: `review-report-${index}`,
      })
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    const queue = screen.getByTestId('preview-reviews')
    const reported = await within(queue).findByTestId(`preview-review-${postId}`)
    // The seed's hidden post (hidden earlier) comes after the one hidden just now.
    const seeded = within(queue).getByTestId('preview-review-post-hidden')
    expect(reported.compareDocumentPosition(seeded) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(within(reported).getByTestId('preview-review-text').textContent).toBe('含有引流内容的笔记')
    expect(reported.textContent).toContain('5 人举报')
    expect(reported.textContent).toContain('垃圾广告 3 · 辱骂攻击 2')

    tap(seeded, 'preview-review-restore')
    await waitFor(() => expect(within(queue).queryByTestId('preview-review-post-hidden')).toBeNull())
    expect((await api.call('GET', '/posts/post-hidden')).status).toBe(200)

    await typeInto(container, 'preview-review-reason', '含有广告引流内容')
    tap(within(queue).getByTestId(`preview-review-${postId}`), 'preview-review-remove')
    await waitFor(() => expect(within(queue).queryByTestId(`preview-review-${postId}`)).toBeNull())
    expect(await within(queue).findByTestId('preview-reviews-empty')).not.toBeNull()
    expect((await api.call('GET', `/posts/${postId}`)).status).toBe(404)
    const mine = (await api.call('GET', '/me/posts', { token: author })).json as {
      items: { id: string; status: string; rejectReason: string | null }[]
    }
    expect(mine.items.find((item) => item.id === postId)).toMatchObject({
      status: 'rejected',
      rejectReason: '含有广告引流内容',
    })
  }, 30_000)

  test('移除 without a typed reason gives the most reported one, in words the author can read', async () => {
    const api = installInProcessApi()
    const signUpPhone = async (phone: string) =>
      ((await api.call('POST', '/auth/phone', { body: { phone, smsCode: '123456' } })).json as { token: string }).token
    const writer = await signUpPhone('13900000021')
    const written = await api.call('POST', '/posts/post-r4/comments', {
      token: writer,
      body: { text: '一条辱骂的评论' },
      idempotencyKey: 'review-comment',
    })
    const commentId = (written.json as { id: string }).id
    for (const [index, phone] of ['13900000022', '13900000023', '13900000024', '13900000025', '13900000026'].entries())
      await api.call('POST', `/comments/${commentId}/report`, {
        token: await signUpPhone(phone),
        body: { reason: 'abuse' },
        idempotencyKey: `review-comment-report-${index}`,
      })
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    const item = await screen.findByTestId(`preview-review-${commentId}`)
    expect(item.textContent).toContain('评论')
    expect(item.textContent).toContain('辱骂攻击 5')
    tap(item, 'preview-review-remove')
    await waitFor(() => expect(screen.queryByTestId(`preview-review-${commentId}`)).toBeNull())
    // The reason it was removed with: the most reported one, as the console words it.
    const sent = api.sent.find((call) => call.path.endsWith(`/__mock/reviews/${commentId}`))
    expect(sent?.body).toEqual({ kind: 'comment', decision: 'remove', reason: '经举报复核，内容涉及「辱骂攻击」' })
    const comments = (await api.call('GET', '/posts/post-r4/comments')).json as { items: { id: string }[] }
    expect(comments.items.map((comment) => comment.id)).not.toContain(commentId)
  })

  test('待复核 names each reason as the report sheet offered it to members, in either language', async () => {
    const api = installInProcessApi()
    const signUpPhone = async (phone: string) =>
      ((await api.call('POST', '/auth/phone', { body: { phone, smsCode: '123456' } })).json as { token: string }).token
    const written = await api.call('POST', '/posts/post-r4/comments', {
      token: await signUpPhone('13900000051'),
      body: { text: '一条广告评论' },
      idempotencyKey: 'review-reason-comment',
    })
    const commentId = (written.json as { id: string }).id
    for (const [index, phone] of ['13900000052', '13900000053', '13900000054', '13900000055', '13900000056'].entries())
      await api.call('POST', `/comments/${commentId}/report`, {
        token: await signUpPhone(phone),
        body: { reason: index < 4 ? 'spam' : 'illegal' },
        idempotencyKey: `review-reason-report-${index}`,
      })
    useLocale.getState().localeChosen('en')
    try {
      const { container } = renderConsoleBesideApp()
      await openConsole(container)
      const item = await screen.findByTestId(`preview-review-${commentId}`)
      const { reportReasons } = postMessages.en
      expect(item.textContent).toContain(`${reportReasons.spam} 4 · ${reportReasons.illegal} 1`)
      expect(reportReasons.spam).toBe('Spam or ads')
    } finally {
      useLocale.getState().localeChosen('zh-CN')
    }
  })

  test('待复核 comes a page at a time: 加载更多待复核 brings the rest, none twice', async () => {
    const api = installInProcessApi()
    const signUpPhone = async (phone: string) =>
      ((await api.call('POST', '/auth/phone', { body: { phone, smsCode: '123456' } })).json as { token: string }).token
    const writer = await signUpPhone('13900000031')
    const reporters: string[] = []
    for (const phone of ['13900000032', '13900000033', '13900000034', '13900000035', '13900000036'])
      reporters.push(await signUpPhone(phone))
    const hidden: string[] = []
    // With the seed's hidden post, one more than a page.
    for (let index = 0; index < REVIEWS_PAGE_SIZE; index += 1) {
      const written = await api.call('POST', '/posts/post-r4/comments', {
        token: writer,
        body: { text: `第 ${index + 1} 条被举报的评论` },
        idempotencyKey: `page-comment-${index}`,
      })
      const commentId = (written.json as { id: string }).id
      hidden.push(commentId)
      for (const [at, token] of reporters.entries())
        await api.call('POST', `/comments/${commentId}/report`, {
          token,
          body: { reason: 'spam' },
          idempotencyKey: `page-report-${index}-${at}`,
        })
    }
    const { container } = renderConsoleBesideApp()
    await openConsole(container)
    const queue = screen.getByTestId('preview-reviews')
    await within(queue).findByTestId(`preview-review-${hidden[0]}`)
    const shown = () => within(queue).queryAllByTestId(/^preview-review-(?:post|cm)-/)
    expect(shown()).toHaveLength(REVIEWS_PAGE_SIZE)
    expect(within(queue).queryByTestId('preview-review-post-hidden')).toBeNull()
    tap(queue, 'preview-reviews-more')
    await within(queue).findByTestId('preview-review-post-hidden')
    expect(shown()).toHaveLength(REVIEWS_PAGE_SIZE + 1)
    expect(within(queue).queryByTestId('preview-reviews-more')).toBeNull()
  })
})
