// The 社区 tab and the post page in the built mini-program: the virtual feed shows the seeded posts, a card opens
// its post, and a member likes, comments and replies through the real WXML bindings; each ends on what the
// server now holds.
import { expectHealthy, launchWeapp, reportSetData, type Weapp } from '../support/weapp-harness'
import { startWeappServer, type WeappServer } from '../support/weapp-server'

jest.setTimeout(60_000)

let server: WeappServer
let weapp: Weapp | undefined

beforeAll(async () => {
  server = await startWeappServer()
})
beforeEach(() => server.reset())
afterEach(() => {
  weapp?.close()
  weapp = undefined
})
afterAll(async () => {
  reportSetData(__filename)
  await server.close()
})

type ServerPost = { id: string; text: string; likeCount: number; likedByMe: boolean; commentCount: number }

test('a visitor reads the feed, switches section, and opens a post', async () => {
  const feed = await server.get<{ items: ServerPost[] }>('/posts?section=recommend')
  const [first] = feed.items
  if (!first) throw new Error('the seed has no recommended posts')
  weapp = await launchWeapp({ apiBase: server.apiBase, entry: 'pages/community/index' })
  await weapp.waitForText(first.text)
  await weapp.waitForText('发笔记')

  const hot = await server.get<{ items: ServerPost[] }>('/posts?section=hot')
  await weapp.tap('爆款精选')
  await weapp.waitForText(hot.items[0]?.text ?? '')

  await weapp.tap(hot.items[0]?.text ?? '')
  expect(weapp.current().route).toBe('packages/community/post/index')
  expect(weapp.current().query.id).toBe(hot.items[0]?.id)
  await weapp.waitForText('登录后即可点赞、评论和举报')
  expectHealthy(weapp)
})

test('a member likes, comments and replies on a post', async () => {
  const { token } = await server.persona('kol-distributor')
  const before = await server.get<ServerPost>('/posts/post-r4', token)
  weapp = await launchWeapp({ apiBase: server.apiBase, token, entry: 'packages/community/post/index?id=post-r4' })
  await weapp.waitForText(before.text)

  await weapp.tap('♡')
  await weapp.settle()
  const liked = await server.get<ServerPost>('/posts/post-r4', token)
  expect(liked).toMatchObject({ likedByMe: true, likeCount: before.likeCount + 1 })
  await weapp.waitForText('♥')
  await weapp.waitForText(String(before.likeCount + 1))

  await weapp.type(0, '小程序里发的评论')
  await weapp.tap('发送')
  await weapp.waitForText('小程序里发的评论')
  await weapp.tap('回复')
  await weapp.waitForText('取消回复')
  await weapp.type(0, '小程序里的回复')
  await weapp.tap('发送')
  await weapp.waitForText('小程序里的回复')

  const comments = await server.get<{ items: Array<{ text: string; replies: Array<{ text: string }> }> }>(
    '/posts/post-r4/comments',
    token,
  )
  const mine = comments.items.find((item) => item.text === '小程序里发的评论')
  expect(mine?.replies.map((reply) => reply.text)).toEqual(['小程序里的回复'])
  expect((await server.get<ServerPost>('/posts/post-r4', token)).commentCount).toBe(before.commentCount + 2)
  expectHealthy(weapp)
})
