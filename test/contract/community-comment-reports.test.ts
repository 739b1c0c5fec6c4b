import { Comment, OwnPost, Post } from '../../src/contract/all'
import { ReviewDecided, ReviewItem } from '../../mock/preview/endpoints'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  fieldsOf,
  newKey,
  signUp,
} from './support/client'
import { lockMockClock } from './support/clock'
import { comment, createPost, reportByNewMembers } from './support/community'

// Comments are reported like posts (domain-rules.md, Community: report with a reason; 5 distinct members hide it
// pending review), and the operator reviews what reports hid (/__mock/reviews).

const api = createApiClient()
lockMockClock(api)

const commentsOf = async (postId: string, token?: string) =>
  ((await api.request('GET', `/posts/${postId}/comments?limit=50`, { token })).body as { items: unknown[] }).items.map(
    (item) => expectShape(Comment, item),
  )
const postOf = async (postId: string, token?: string) =>
  expectShape(Post, (await api.request('GET', `/posts/${postId}`, { token })).body)
const write = async (token: string, postId: string, body: { text: string; replyTo?: string }) => {
  const answer = await comment(api, token, postId, body)
  expect(answer.status).toBe(201)
  return expectShape(Comment, answer.body)
}
const reportComment = (token: string, id: string, body: Record<string, unknown> = { reason: 'abuse' }) =>
  api.request('POST', `/comments/${id}/report`, { token, body, idempotencyKey: newKey() })
const newPost = async (token: string, text = '一篇会有人评论的笔记') =>
  expectShape(Post, (await createPost(api, token, { text })).body)

describe('POST /comments/{id}/report', () => {
  it('hides a comment after 5 distinct reporters, not after 5 reports by one member; the count leaves it out', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token)
    const other = await signUp(api)
    const bad = await write(other.token, post.id, { text: '一条会被举报的评论' })
    await write(author.token, post.id, { text: '正常的评论' })
    const reporter = await signUp(api)
    for (let index = 0; index < 5; index += 1) expect((await reportComment(reporter.token, bad.id)).status).toBe(200)
    expect((await commentsOf(post.id)).map((item) => item.id)).toContain(bad.id)
    await reportByNewMembers(api, `/comments/${bad.id}`, 4, 'abuse')
    const shown = await commentsOf(post.id)
    // No replies under it: left out for everyone but its author, and no longer counted.
    expect(shown.map((item) => item.id)).not.toContain(bad.id)
    expect((await commentsOf(post.id, author.token)).map((item) => item.id)).not.toContain(bad.id)
    expect((await postOf(post.id)).commentCount).toBe(1)
  })

  it('its author still reads their hidden comment and reply, marked isPendingReview; nobody else does', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token)
    const writer = await signUp(api)
    const top = await write(writer.token, post.id, { text: '被举报的一楼' })
    const reply = await write(author.token, post.id, { text: '楼主的回复', replyTo: top.id })
    const ownReply = await write(writer.token, post.id, { text: '被举报的回复', replyTo: reply.id })
    expect(top.isPendingReview).toBe(false)
    await reportByNewMembers(api, `/comments/${top.id}`, 5)
    await reportByNewMembers(api, `/comments/${ownReply.id}`, 5)
    const [asWriter] = await commentsOf(post.id, writer.token)
    expect(asWriter).toMatchObject({ id: top.id, text: '被举报的一楼', isHidden: false, isPendingReview: true })
    expect(asWriter?.author?.id).toBe(writer.member.id)
    expect(asWriter?.replies.map((item) => [item.id, item.isPendingReview])).toEqual([
      [reply.id, false],
      [ownReply.id, true],
    ])
    // Everyone else: the placeholder over the one reply they may read; the visitor the same.
    for (const token of [author.token, undefined]) {
      const [seen] = await commentsOf(post.id, token)
      expect(seen).toMatchObject({ id: top.id, isHidden: true, author: null, text: '', isPendingReview: false })
      expect(seen?.replies.map((item) => item.id)).toEqual([reply.id])
    }
    expect(JSON.stringify(await commentsOf(post.id, author.token))).not.toContain('被举报')
    // Still not counted, and it takes no reply, not even its author's.
    expect((await postOf(post.id)).commentCount).toBe(1)
    expect(fieldsOf(await comment(api, writer.token, post.id, { text: '补充', replyTo: top.id }))).toHaveProperty([
      'replyTo',
    ])
  })

  it('a hidden comment with replies stays as their placeholder (isHidden, no author, no words) and takes no reply', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token)
    const writer = await signUp(api)
    const top = await write(writer.token, post.id, { text: '一楼的原话' })
    const reply = await write(author.token, post.id, { text: '楼主的回复', replyTo: top.id })
    await reportByNewMembers(api, `/comments/${top.id}`, 5)
    const [placeholder] = await commentsOf(post.id)
    expect(placeholder).toMatchObject({ id: top.id, isHidden: true, isDeleted: false, author: null, text: '' })
    expect(placeholder?.replies.map((item) => item.id)).toEqual([reply.id])
    expect(JSON.stringify(await commentsOf(post.id))).not.toContain('一楼的原话')
    expect(fieldsOf(await comment(api, author.token, post.id, { text: '再回一句', replyTo: top.id }))).toHaveProperty([
      'replyTo',
    ])
    // Its replies still take replies (they join the thread under the placeholder).
    expect((await comment(api, writer.token, post.id, { text: '回复楼主', replyTo: reply.id })).status).toBe(201)
  })

  it('reports a reply the same way: a hidden reply is left out of its thread', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token)
    const top = await write(author.token, post.id, { text: '楼主的一楼' })
    const replier = await signUp(api)
    const reply = await write(replier.token, post.id, { text: '不友善的回复', replyTo: top.id })
    await reportByNewMembers(api, `/comments/${reply.id}`, 5)
    const [thread] = await commentsOf(post.id)
    expect(thread?.replies).toEqual([])
    expect(thread?.isHidden).toBe(false)
    // A hidden comment is no longer reported (nothing to see): 404.
    expectError(await reportComment((await signUp(api)).token, reply.id), 404, 'NOT_FOUND')
  })

  it("refuses an author's report of their own comment (403 FORBIDDEN), which counts for nothing", async () => {
    const author = await signUp(api)
    const post = await newPost(author.token)
    const mine = await write(author.token, post.id, { text: '我自己的评论' })
    expectError(await reportComment(author.token, mine.id), 403, 'FORBIDDEN')
    await reportByNewMembers(api, `/comments/${mine.id}`, 4)
    expect((await commentsOf(post.id)).map((item) => item.id)).toContain(mine.id)
  })

  it('takes only the fixed reasons; an unknown comment is 404; a visitor 401', async () => {
    const { token } = await signUp(api)
    const post = await newPost(token)
    const other = await signUp(api)
    const target = await write(other.token, post.id, { text: '普通评论' })
    expect(fieldsOf(await reportComment(token, target.id, { reason: 'dislike' }))).toHaveProperty(['reason'])
    expectError(await reportComment(token, 'cm-nope'), 404, 'NOT_FOUND')
    const visitor = await api.request('POST', `/comments/${target.id}/report`, {
      body: { reason: 'spam' },
      idempotencyKey: newKey(),
    })
    expect(visitor.status).toBe(401)
  })

  it('reports arriving at once from 5 members hide the comment once', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token)
    const target = await write((await signUp(api)).token, post.id, { text: '同时被举报' })
    const reporters = await Promise.all([0, 1, 2, 3, 4].map(() => signUp(api)))
    const answers = await Promise.all(reporters.map(({ token }) => reportComment(token, target.id)))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
    expect((await commentsOf(post.id)).map((item) => item.id)).not.toContain(target.id)
  })
})

const queue = async () =>
  ((await api.request('GET', '/__mock/reviews')).body as { items: unknown[] }).items.map((item) =>
    expectShape(ReviewItem, item),
  )
const decide = (id: string, body: Record<string, unknown>) => api.request('POST', `/__mock/reviews/${id}`, { body })

describeWithMockRoutes('the operator review queue (/__mock/reviews)', () => {
  it('lists hidden posts and comments newest first, with report counts and reasons', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token, '被举报隐藏的笔记')
    await reportByNewMembers(api, `/posts/${post.id}`, 3, 'spam')
    await reportByNewMembers(api, `/posts/${post.id}`, 2, 'abuse')
    await api.request('POST', '/__mock/clock', { body: { advanceHours: 1 } })
    const other = await newPost(author.token, '另一篇')
    const bad = await write((await signUp(api)).token, other.id, { text: '被举报隐藏的评论' })
    await reportByNewMembers(api, `/comments/${bad.id}`, 5, 'sexual')
    const items = await queue()
    const mine = items.filter((item) => item.id === post.id || item.id === bad.id)
    expect(mine.map((item) => [item.kind, item.id])).toEqual([
      ['comment', bad.id],
      ['post', post.id],
    ])
    expect(mine[0]).toMatchObject({ postId: other.id, text: '被举报隐藏的评论', reportCount: 5 })
    expect(mine[1]).toMatchObject({
      postId: post.id,
      text: '被举报隐藏的笔记',
      reportCount: 5,
      reasons: [
        { reason: 'spam', count: 3 },
        { reason: 'abuse', count: 2 },
      ],
    })
    // Newest first across the whole queue.
    const times = items.map((item) => Date.parse(item.hiddenAt))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  it('pages the queue with a cursor (limit, nextCursor), newest hidden first, none repeated or skipped', async () => {
    const author = await signUp(api)
    const writer = await signUp(api)
    const post = await newPost(author.token)
    const hidden: string[] = []
    for (const words of ['第一条被隐藏', '第二条被隐藏', '第三条被隐藏']) {
      const target = await write(writer.token, post.id, { text: words })
      await reportByNewMembers(api, `/comments/${target.id}`, 5)
      hidden.unshift(target.id)
      await api.request('POST', '/__mock/clock', { body: { advanceHours: 1 } })
    }
    const seen: ReviewItem[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${encodeURIComponent(cursor)}`
      const response = await api.request('GET', `/__mock/reviews${query}`)
      expect(response.status).toBe(200)
      const body = response.body as { items: unknown[]; nextCursor: string | null }
      expect(body.items.length).toBeLessThanOrEqual(2)
      seen.push(...body.items.map((item) => expectShape(ReviewItem, item)))
      cursor = body.nextCursor
      pages += 1
    } while (cursor !== null && pages < 100)
    expect(pages).toBeGreaterThanOrEqual(2)
    const ids = seen.map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.filter((id) => hidden.includes(id))).toEqual(hidden)
    const times = seen.map((item) => Date.parse(item.hiddenAt))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(fieldsOf(await api.request('GET', '/__mock/reviews?cursor=nonsense'))).toHaveProperty(['cursor'])
  })

  it('restores a post: published again, its reports cleared (5 new reporters to hide it again)', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token, '将被恢复的笔记')
    await reportByNewMembers(api, `/posts/${post.id}`, 5)
    expect((await postOf(post.id, author.token)).status).toBe('hidden')
    const decided = await decide(post.id, { kind: 'post', decision: 'restore' })
    expect(decided.status).toBe(200)
    expect(expectShape(ReviewDecided, decided.body)).toEqual({ kind: 'post', id: post.id, decision: 'restore' })
    expect((await postOf(post.id)).status).toBe('published')
    expect((await queue()).map((item) => item.id)).not.toContain(post.id)
    await reportByNewMembers(api, `/posts/${post.id}`, 4)
    expect((await postOf(post.id)).status).toBe('published')
    // Decided already: 404, nothing changes.
    expectError(await decide(post.id, { kind: 'post', decision: 'restore' }), 404, 'NOT_FOUND')
  })

  it('removes a post: gone for members; its author reads it rejected with the reason and isRemoved', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token, '将被移除的笔记')
    const turnedDown = expectShape(OwnPost, (await createPost(api, author.token, { text: '兼职刷单，日结' })).body)
    expect(turnedDown).toMatchObject({ status: 'rejected', isRemoved: false })
    await reportByNewMembers(api, `/posts/${post.id}`, 5)
    const decided = await decide(post.id, { kind: 'post', decision: 'remove', reason: '含有广告引流内容' })
    expect(decided.status).toBe(200)
    expect((await api.request('GET', `/posts/${post.id}`, { token: (await signUp(api)).token })).status).toBe(404)
    const mine = ((await api.request('GET', '/me/posts', { token: author.token })).body as { items: unknown[] }).items
      .map((item) => expectShape(OwnPost, item))
      .filter((item) => item.id === post.id || item.id === turnedDown.id)
    // Told apart from a post the review turned down before it was published, within the contract's four statuses.
    expect(mine.map(({ id, status, rejectReason, isRemoved }) => ({ id, status, rejectReason, isRemoved }))).toEqual([
      { id: turnedDown.id, status: 'rejected', rejectReason: turnedDown.rejectReason, isRemoved: false },
      { id: post.id, status: 'rejected', rejectReason: '含有广告引流内容', isRemoved: true },
    ])
    // Its own page reads the same for its author.
    const page = expectShape(OwnPost, (await api.request('GET', `/posts/${post.id}`, { token: author.token })).body)
    expect(page).toMatchObject({ status: 'rejected', rejectReason: '含有广告引流内容', isRemoved: true })
    expect((await queue()).map((item) => item.id)).not.toContain(post.id)
  })

  it('restores a comment (shown and counted again, reports cleared) and removes another for good', async () => {
    const author = await signUp(api)
    const post = await newPost(author.token)
    const writer = await signUp(api)
    const kept = await write(writer.token, post.id, { text: '其实没问题的评论' })
    const gone = await write(writer.token, post.id, { text: '确实违规的评论' })
    await reportByNewMembers(api, `/comments/${kept.id}`, 5)
    await reportByNewMembers(api, `/comments/${gone.id}`, 5)
    expect((await postOf(post.id)).commentCount).toBe(0)
    expect((await decide(kept.id, { kind: 'comment', decision: 'restore' })).status).toBe(200)
    expect((await decide(gone.id, { kind: 'comment', decision: 'remove', reason: '辱骂他人' })).status).toBe(200)
    expect((await commentsOf(post.id)).map((item) => item.id)).toEqual([kept.id])
    // Its author still reads it, marked removed with the operator's reason (as a removed post's author does).
    expect(
      (await commentsOf(post.id, writer.token)).map((item) => [
        item.id,
        item.isPendingReview,
        item.isRemoved,
        item.removedReason,
      ]),
    ).toEqual([
      [kept.id, false, false, null],
      [gone.id, false, true, '辱骂他人'],
    ])
    expect((await postOf(post.id)).commentCount).toBe(1)
    const queued = (await queue()).map((item) => item.id)
    expect(queued).not.toContain(kept.id)
    expect(queued).not.toContain(gone.id)
    // The restored comment's reports were cleared: 4 more do not hide it.
    await reportByNewMembers(api, `/comments/${kept.id}`, 4)
    expect((await commentsOf(post.id)).map((item) => item.id)).toEqual([kept.id])
    // A removed comment cannot be restored later, nor a wrong kind decided.
    expectError(await decide(gone.id, { kind: 'comment', decision: 'restore' }), 404, 'NOT_FOUND')
    expectError(await decide(post.id, { kind: 'comment', decision: 'restore' }), 404, 'NOT_FOUND')
  })

  it("a removed comment's author reads it marked removed with the reason, a reply too; nobody else reads it", async () => {
    const author = await signUp(api)
    const post = await newPost(author.token)
    const writer = await signUp(api)
    const other = await signUp(api)
    const top = await write(writer.token, post.id, { text: '被移除的一楼' })
    await write(other.token, post.id, { text: '别人的回复', replyTo: top.id })
    const othersTop = await write(other.token, post.id, { text: '别人的一楼' })
    const reply = await write(writer.token, post.id, { text: '被移除的回复', replyTo: othersTop.id })
    for (const id of [top.id, reply.id]) {
      await reportByNewMembers(api, `/comments/${id}`, 5)
      expect((await decide(id, { kind: 'comment', decision: 'remove', reason: '人身攻击' })).status).toBe(200)
    }
    const asWriter = await commentsOf(post.id, writer.token)
    expect(asWriter.find((item) => item.id === top.id)).toMatchObject({
      text: '被移除的一楼',
      author: { id: writer.member.id },
      isHidden: false,
      isPendingReview: false,
      isRemoved: true,
      removedReason: '人身攻击',
    })
    expect(asWriter.find((item) => item.id === othersTop.id)?.replies).toEqual([
      expect.objectContaining({ id: reply.id, text: '被移除的回复', isRemoved: true, removedReason: '人身攻击' }),
    ])
    // Everyone else: the top-level comment is its reply's placeholder (no words, no reason), the reply is gone.
    for (const token of [other.token, author.token, undefined]) {
      const seen = await commentsOf(post.id, token)
      expect(seen.find((item) => item.id === top.id)).toMatchObject({
        isHidden: true,
        author: null,
        text: '',
        isRemoved: false,
        removedReason: null,
      })
      expect(seen.find((item) => item.id === othersTop.id)?.replies).toEqual([])
      expect(JSON.stringify(seen)).not.toContain('人身攻击')
    }
    // It takes no reply, and it is not counted.
    const refused = await comment(api, other.token, post.id, { text: '还想回复', replyTo: top.id })
    expect(refused.status).toBe(400)
    expect((await postOf(post.id)).commentCount).toBe(2)
  })

  it('refuses a removal without a reason (400 on reason)', async () => {
    const response = await decide('post-hidden', { kind: 'post', decision: 'remove', reason: '  ' })
    expect(fieldsOf(response)).toHaveProperty(['reason'])
  })
})
