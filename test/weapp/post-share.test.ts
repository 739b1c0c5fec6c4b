// A post shared from its page in the built mini-program: a 分享赚 post's share (chat and Moments) carries its author's
// code and the post, any other post's the post alone, and a signed-in friend opening the shared path is reported as
// arriving through the post (POST /distribution/arrivals, source post with postId) and binds to the author.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename, { resetEachTest: true })
let weapp: Weapp | undefined

type ShareHandlers = {
  onShareAppMessage?: (event: { from: string }) => { title?: string; path?: string }
  onShareTimeline?: () => { title?: string; query?: string }
}

const shareHandlers = (instance: Record<string, unknown>) => instance as unknown as ShareHandlers

// The seed's 分享赚 post by the KOL Lina (code LINA88), and a post without a product.
const EARN_QUERY = 'id=post-e1&ref=LINA88&postId=post-e1'

test("a 分享赚 post's page shares its author's code with the post; another post's page the post alone", async () => {
  // A member who is not its author shares it: the code is the author's, not theirs.
  const { token } = await server.persona('new-member')
  weapp = await launch({ token, entry: 'packages/community/post/index?id=post-e1' })
  await weapp.waitForText('我的回购清单第一名')
  await weapp.waitForText('分享')
  const earn = shareHandlers(weapp.current().component.instance)
  expect(earn.onShareAppMessage?.({ from: 'button' })?.path).toBe(`/packages/community/post/index?${EARN_QUERY}`)
  expect(earn.onShareTimeline?.()?.query).toBe(EARN_QUERY)

  await weapp.open('packages/community/post/index?id=post-r2')
  await weapp.settle()
  const plain = shareHandlers(weapp.current().component.instance)
  expect(plain.onShareAppMessage?.({ from: 'menu' })?.path).toBe('/packages/community/post/index?id=post-r2')
  // Sharing pays nothing: asking for the payloads sent nothing to the server.
  expect(weapp.fake.requests.filter((request) => request.method !== 'GET')).toEqual([])
  expectHealthy(weapp)
})

test('a signed-in friend opening the shared post is reported as arriving through it and becomes the author’s fan', async () => {
  const { token, member } = await server.persona('new-member')
  weapp = await launch({ token, entry: `packages/community/post/index?${EARN_QUERY}` })
  await weapp.waitForText('我的回购清单第一名')
  const arrivals = weapp.fake.requests
    .filter((request) => request.method === 'POST' && request.url.includes('/distribution/arrivals'))
    .map((request) => (typeof request.data === 'string' ? (JSON.parse(request.data) as unknown) : request.data))
  expect(arrivals).toEqual([{ code: 'LINA88', source: 'post', postId: 'post-e1' }])

  const kol = await server.persona('kol-distributor')
  const fans = (
    await server.get<{ items: Array<{ member: { nickname: string }; source: string }> }>(
      '/distribution/fans?limit=50',
      kol.token,
    )
  ).items
  expect(fans.find((fan) => fan.member.nickname === member.nickname)?.source).toBe('post')
  expectHealthy(weapp)
})

test('a visitor who opens the shared post and signs in later is bound through the post (the sign-in names it)', async () => {
  weapp = await launch({ entry: `packages/community/post/index?${EARN_QUERY}` })
  await weapp.waitForText('我的回购清单第一名')
  await weapp.open('packages/auth/sign-in/index')
  await weapp.tap('微信一键登录')
  await weapp.settle()
  const signIn = weapp.fake.requests.find((request) => request.url.endsWith('/auth/wechat'))
  const body = typeof signIn?.data === 'string' ? (JSON.parse(signIn.data) as unknown) : signIn?.data
  expect(body).toMatchObject({ ref: 'LINA88', refSource: 'post', refPostId: 'post-e1' })

  const session = JSON.parse(String(weapp.fake.storage.get('fanloop.session'))) as { state: { token: string } }
  const me = await server.get<{ id: string }>('/me', session.state.token)
  const kol = await server.persona('kol-distributor')
  const fans = await server.get<{ items: Array<{ member: { id: string }; source: string }> }>(
    '/distribution/fans?limit=50',
    kol.token,
  )
  expect(fans.items.find((fan) => fan.member.id === me.id)?.source).toBe('post')
  expectHealthy(weapp)
})

test('my own post that was not approved is not shareable: the share menu is hidden and the payload names no post', async () => {
  const { token } = await server.persona('post-rejected')
  const mine = await server.get<{ items: Array<{ id: string; status: string }> }>('/me/posts?limit=50', token)
  const rejected = mine.items.find((post) => post.status === 'rejected')
  expect(rejected).toBeDefined()
  weapp = await launch({ token, entry: 'pages/community/index' })
  await weapp.settle()
  const hidden: unknown[] = []
  const hideShareMenu = weapp.fake.wx.hideShareMenu as (options: unknown) => void
  weapp.fake.wx.hideShareMenu = (options: unknown) => {
    hidden.push(options)
    hideShareMenu(options)
  }
  await weapp.open(`packages/community/post/index?id=${rejected?.id ?? ''}`)
  await weapp.waitForText('修改后重发')
  const page = shareHandlers(weapp.current().component.instance)
  expect(hidden).toEqual([expect.objectContaining({ menus: ['shareAppMessage', 'shareTimeline'] })])
  // Others get a 404 for it: should WeChat ask anyway, the share is the community tab.
  expect(page.onShareAppMessage?.({ from: 'menu' })?.path).toBe('/pages/community/index')
  expect(page.onShareTimeline?.()?.query).toBe('')
  expectHealthy(weapp)
})

// A post deleted since the link was shared, or never there, still offered the share menu with its link (before the
// page had loaded it counted as shareable, and an error never loads it).
test.each([
  ['deleted by its author', 'post-e1'],
  ['not found', 'post-none-such'],
])('a post %s is not shareable: the menu is hidden and the payload is the community tab', async (_case, postId) => {
  if (postId === 'post-e1') {
    const author = await server.persona('kol-distributor')
    const deleted = await fetch(`${server.apiBase}/posts/${postId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${author.token}` },
    })
    expect(deleted.status).toBe(200)
  }
  const { token } = await server.persona('new-member')
  weapp = await launch({ token, entry: 'pages/community/index' })
  await weapp.settle()
  const hidden: unknown[] = []
  const shown: unknown[] = []
  const fakeWx = weapp.fake.wx as Record<string, unknown>
  const hideShareMenu = fakeWx.hideShareMenu as (options: unknown) => void
  fakeWx.hideShareMenu = (options: unknown) => {
    hidden.push(options)
    hideShareMenu(options)
  }
  const showShareMenu = fakeWx.showShareMenu as ((options: unknown) => void) | undefined
  fakeWx.showShareMenu = (options: unknown) => {
    shown.push(options)
    showShareMenu?.(options)
  }
  await weapp.open(`packages/community/post/index?id=${postId}`)
  await weapp.waitForText('内容不存在或已删除')
  await weapp.settle()
  const page = shareHandlers(weapp.current().component.instance)
  expect(hidden).toEqual([expect.objectContaining({ menus: ['shareAppMessage', 'shareTimeline'] })])
  expect(shown).toEqual([])
  expect(page.onShareAppMessage?.({ from: 'menu' })?.path).toBe('/pages/community/index')
  expect(page.onShareTimeline?.()?.query).toBe('')
})
