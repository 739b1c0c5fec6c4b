// The 社区 tab and the post page in the built mini-program: the virtual feed shows the seeded posts, a card opens
// its post, and a member likes, comments and replies through the real WXML bindings; each ends on what the
// server now holds.
import fs from 'node:fs'
import path from 'node:path'
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(60_000)

const { server, launch } = weappTestFile(__filename, { resetEachTest: true })
let weapp: Weapp | undefined

/**
 * What the built page binds to a <textarea>'s attributes: base.wxml's template maps each attribute to a short key of
 * the node's data (auto-height="{{xs.b(i.p3,!1)}}"), and the page's data holds the node under its data-sid.
 */
function textareaProps(weapp: Weapp, element: Element): Record<string, unknown> {
  const template = fs
    .readFileSync(path.join(process.cwd(), 'dist/weapp/base.wxml'), 'utf8')
    .match(/<textarea [^>]*>/)?.[0]
  if (!template) throw new Error('base.wxml has no textarea template')
  const sid = element.getAttribute('data-sid')
  const find = (value: unknown): Record<string, unknown> | undefined => {
    if (value === null || typeof value !== 'object') return undefined
    if ((value as Record<string, unknown>).sid === sid) return value as Record<string, unknown>
    for (const child of Object.values(value)) {
      const found = find(child)
      if (found) return found
    }
    return undefined
  }
  const node = find(weapp.current().component.instance.data)
  if (!node) throw new Error(`no node ${sid} in the page's data`)
  const props: Record<string, unknown> = {}
  for (const [, attribute, key, fallback, textFallback] of template.matchAll(
    /([a-z-]+)="\{\{(?:xs\.b\()?i\.(\w+)(?:,([^)]*)\)|\|\|'([^']*)')?\}\}"/g,
  ))
    if (attribute && key) props[attribute] = node[key] ?? textFallback ?? parseFallback(fallback)
  return props
}
const parseFallback = (text: string | undefined): unknown =>
  text === undefined ? undefined : text === '!1' ? false : text === '!0' ? true : (JSON.parse(text) as unknown)

type ServerPost = { id: string; text: string; likeCount: number; likedByMe: boolean; commentCount: number }

test('a visitor reads the feed, switches section, and opens a post', async () => {
  const feed = await server.get<{ items: ServerPost[] }>('/posts?section=recommend')
  const [first] = feed.items
  if (!first) throw new Error('the seed has no recommended posts')
  weapp = await launch({ entry: 'pages/community/index' })
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
  weapp = await launch({ token, entry: 'packages/community/post/index?id=post-r4' })
  await weapp.waitForText(before.text)

  await weapp.tap('♡')
  await weapp.settle()
  const liked = await server.get<ServerPost>('/posts/post-r4', token)
  expect(liked).toMatchObject({ likedByMe: true, likeCount: before.likeCount + 1 })
  await weapp.waitForText('♥')
  await weapp.waitForText(String(before.likeCount + 1))

  // The comment field is WeChat's textarea, set up for a fixed bar above the keyboard; past five lines it stops
  // growing (auto-height off, a capped height) and scrolls.
  const [field] = weapp.findAll('wx-textarea')
  if (!field) throw new Error('the post page has no textarea')
  expect(textareaProps(weapp, field)).toMatchObject({
    'auto-height': true,
    fixed: true,
    'adjust-position': true,
    'adjust-keyboard-to': 'bottom',
    'show-confirm-bar': false,
    'disable-default-padding': true,
    maxlength: 300,
  })
  expect(textareaProps(weapp, field)['cursor-spacing']).toBeGreaterThan(0)
  await weapp.trigger(field, 'linechange', { lineCount: 6, height: 120, heightRpx: 240 })
  await weapp.settle()
  expect(textareaProps(weapp, field)['auto-height']).toBe(false)
  expect(weapp.findAll('wx-textarea')[0]?.getAttribute('class')).toContain('comment-bar__textarea--capped')
  await weapp.trigger(field, 'linechange', { lineCount: 2, height: 40, heightRpx: 80 })
  await weapp.settle()
  expect(textareaProps(weapp, field)['auto-height']).toBe(true)

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

/** A member's write the way the app makes it (token and Idempotency-Key), straight to the server. */
async function write<T>(method: 'POST' | 'DELETE', path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.apiBase}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': `weapp-${Math.random()}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

test('a thread whose comment was deleted keeps its replies under 该评论已删除; a reply to a reply says whom it answers; authors show their avatars', async () => {
  const member = await server.persona('new-member')
  const kol = await server.persona('kol-distributor')
  const top = await write<{ id: string }>('POST', '/posts/post-r4/comments', member.token, { text: '要删掉的一楼' })
  const reply = await write<{ id: string }>('POST', '/posts/post-r4/comments', kol.token, {
    text: '达人的回复',
    replyTo: top.id,
  })
  await write('POST', '/posts/post-r4/comments', member.token, { text: '谢谢达人', replyTo: reply.id })
  await write('DELETE', `/comments/${top.id}`, member.token)

  weapp = await launch({ entry: 'packages/community/post/index?id=post-r4' })
  await weapp.waitForText('该评论已删除')
  await weapp.waitForText('达人的回复')
  await weapp.waitForText(`回复 ${kol.member.nickname}：谢谢达人`)
  expect(weapp.current().text()).not.toContain('要删掉的一楼')
  // The KOL's avatar is an image; the new member has none, so their initial stands in.
  const kolAvatar = (await server.get<{ avatarUrl: string }>('/me', kol.token)).avatarUrl
  expect(kolAvatar).not.toBe('')
  // Class names carry the build's component prefix (comp--comment__avatar).
  const avatars = weapp.findAll('[class*="comment__avatar"]')
  const images = avatars.filter((element) => element.tagName.toLowerCase() === 'wx-image')
  expect(images.length).toBeGreaterThan(0)
  // The image's src is bound from the page's data, not written on the element.
  expect(JSON.stringify(weapp.current().component.instance.data)).toContain(JSON.stringify(kolAvatar))
  expect(avatars.some((element) => element.textContent === member.member.nickname.slice(0, 1))).toBe(true)
  expectHealthy(weapp)
})
