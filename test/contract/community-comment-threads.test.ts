import { Comment, Post, Uploaded } from '../../src/contract/all'
import { createApiClient, expectError, expectShape, fieldsOf, newKey, signUp } from './support/client'
import { lockMockClock } from './support/clock'
import { comment, createPost, PNG, uploadBytes } from './support/community'
import { wholeLedger } from './support/membership'

// Deleting one's own comment keeps the thread (domain-rules.md: authors delete their own comments; replies are one
// level deep): the replies other members wrote under it stay, under a placeholder with no author and no text.

const api = createApiClient()
lockMockClock(api)

const commentsOf = async (postId: string, token?: string) =>
  ((await api.request('GET', `/posts/${postId}/comments?limit=50`, { token })).body as { items: unknown[] }).items.map(
    (item) => expectShape(Comment, item),
  )
const commentCount = async (postId: string) =>
  expectShape(Post, (await api.request('GET', `/posts/${postId}`)).body).commentCount
const named = async (nickname: string) => {
  const member = await signUp(api)
  expect((await api.request('PATCH', '/me', { token: member.token, body: { nickname } })).status).toBe(200)
  return member
}
const write = async (token: string, postId: string, body: { text: string; replyTo?: string }) => {
  const answer = await comment(api, token, postId, body)
  expect(answer.status).toBe(201)
  return expectShape(Comment, answer.body)
}
const remove = (token: string, id: string) => api.request('DELETE', `/comments/${id}`, { token })

describe('DELETE /comments/{id} keeps the thread', () => {
  it("leaves a placeholder over other members' replies, which stay; the count drops by one; no points come back", async () => {
    const a = await named('阿橙')
    const b = await named('小白')
    const post = expectShape(Post, (await createPost(api, a.token, { text: '今天的穿搭' })).body)
    const top = await write(a.token, post.id, { text: 'A 的一楼' })
    const reply = await write(b.token, post.id, { text: 'B 的回复', replyTo: top.id })
    expect(await commentCount(post.id)).toBe(2)
    const paidBefore = (await wholeLedger(api, a.token)).filter((entry) => entry.type === 'comment')

    expect((await remove(a.token, top.id)).status).toBe(200)
    const [thread] = await commentsOf(post.id)
    expect(thread).toMatchObject({ id: top.id, isDeleted: true, author: null, text: '', replyTo: null })
    expect(thread?.replies.map((item) => [item.id, item.text, item.author.nickname])).toEqual([
      [reply.id, 'B 的回复', '小白'],
    ])
    expect(await commentCount(post.id)).toBe(1)
    // The comment was written and paid within the day's cap: deleting it undoes no ledger entry.
    expect((await wholeLedger(api, a.token)).filter((entry) => entry.type === 'comment')).toEqual(paidBefore)

    // Gone for its author (again is 404), and nothing to reply to; its replies still take replies.
    expectError(await remove(a.token, top.id), 404, 'NOT_FOUND')
    expect(fieldsOf(await comment(api, b.token, post.id, { text: '还在吗', replyTo: top.id }))).toHaveProperty([
      'replyTo',
    ])
    const more = await write(a.token, post.id, { text: '接着聊', replyTo: reply.id })
    expect(more.replyTo).toBe(top.id)

    // The placeholder goes with its last reply.
    expect((await remove(b.token, reply.id)).status).toBe(200)
    expect((await commentsOf(post.id)).map((item) => item.id)).toEqual([top.id])
    expect((await remove(a.token, more.id)).status).toBe(200)
    expect(await commentsOf(post.id)).toEqual([])
    expect(await commentCount(post.id)).toBe(0)
  })

  it('deletes a comment without replies outright, and a reply alone', async () => {
    const a = await signUp(api)
    const b = await signUp(api)
    const post = expectShape(Post, (await createPost(api, a.token, { text: '问个问题' })).body)
    const lone = await write(b.token, post.id, { text: '没人回的评论' })
    const top = await write(a.token, post.id, { text: '一楼' })
    const reply = await write(b.token, post.id, { text: '回复一楼', replyTo: top.id })
    expect((await remove(b.token, lone.id)).status).toBe(200)
    expect((await remove(b.token, reply.id)).status).toBe(200)
    const items = await commentsOf(post.id)
    expect(items.map((item) => [item.id, item.isDeleted, item.replies.length])).toEqual([[top.id, false, 0]])
    expect(await commentCount(post.id)).toBe(1)
  })

  it('never loses a reply written while its comment is deleted: either it stays under the placeholder or it is refused', async () => {
    for (let round = 0; round < 4; round += 1) {
      const a = await signUp(api)
      const b = await signUp(api)
      const post = expectShape(Post, (await createPost(api, a.token, { text: `并发 ${round}` })).body)
      const top = await write(a.token, post.id, { text: '要删的评论' })
      const [deleted, replied] = await Promise.all([
        remove(a.token, top.id),
        comment(api, b.token, post.id, { text: '同时回复', replyTo: top.id }),
      ])
      expect(deleted.status).toBe(200)
      const items = await commentsOf(post.id)
      if (replied.status === 201) {
        expect(items).toHaveLength(1)
        expect(items[0]).toMatchObject({ id: top.id, isDeleted: true })
        expect(items[0]?.replies.map((item) => item.text)).toEqual(['同时回复'])
      } else {
        expect(fieldsOf(replied)).toHaveProperty(['replyTo'])
        expect(items).toEqual([])
      }
    }
  })
})

describe('a reply to a reply names whom it answers', () => {
  it('answers replyToMember for a reply to a reply, null for a reply to the comment itself', async () => {
    const a = await named('楼主阿橙')
    const b = await named('路人小白')
    const c = await named('小C')
    const post = expectShape(Post, (await createPost(api, a.token, { text: '求推荐' })).body)
    const top = await write(a.token, post.id, { text: '一楼' })
    const toTop = await write(b.token, post.id, { text: '回复一楼', replyTo: top.id })
    const toReply = await write(c.token, post.id, { text: '同意', replyTo: toTop.id })
    expect(toTop.replyToMember).toBeNull()
    expect(toReply).toMatchObject({ replyTo: top.id, replyToMember: { id: b.member.id, nickname: '路人小白' } })
    const [thread] = await commentsOf(post.id)
    expect(thread?.replyToMember).toBeNull()
    expect(thread?.replies.map((item) => item.replyToMember?.nickname ?? null)).toEqual([null, '路人小白'])
  })

  it('shows each author with their avatar and level', async () => {
    const a = await signUp(api)
    const avatarUrl = expectShape(Uploaded, (await uploadBytes(api, a.token, PNG)).body).url
    expect((await api.request('PATCH', '/me', { token: a.token, body: { avatarUrl } })).status).toBe(200)
    const written = await write(a.token, 'post-r1', { text: `有头像 ${newKey()}` })
    expect(written.author).toMatchObject({ id: a.member.id, avatarUrl, levelCode: 'V1' })
  })
})

describe('GET /openapi.json', () => {
  it("describes a comment's placeholder (isDeleted, a nullable author) and a reply's replyToMember", async () => {
    const document = (await api.request('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }
    const schema = JSON.stringify(document.paths['/posts/{id}/comments']?.get?.responses['200'])
    expect(schema).toContain('"isDeleted"')
    expect(schema).toContain('"replyToMember"')
  })

  it("describes GET /posts/{id} as answered: isRemoved (its author's post the operator removed)", async () => {
    const document = (await api.request('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content: unknown }> }>>
    }
    const answer = JSON.stringify(document.paths['/posts/{id}']?.get?.responses['200']?.content)
    expect(answer).toContain('"isRemoved":{"type":"boolean"')
    expect(answer).toContain('"rejectReason"')
  })

  it("describes a comment's isRemoved and removedReason (its author's comment the operator removed)", async () => {
    const document = (await api.request('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }
    const schema = JSON.stringify(document.paths['/posts/{id}/comments']?.get?.responses['200'])
    expect(schema).toContain('"isRemoved"')
    expect(schema).toContain('"removedReason"')
  })
})
