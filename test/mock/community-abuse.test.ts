import { Buffer } from 'node:buffer'
import * as v from 'valibot'
import { SignedIn } from '../../src/contract/all'
import type { ApiCall } from '../support/test-server'
import { apiCaller, createTestApp } from '../support/test-server'

// The community's lists and writes as an attacker or a clumsy client uses them (domain-rules.md, Community): a
// cursor is only ever one this server issued for that list (anything else is 400, never a 500 nor another list's
// page); likes, comments and reports replayed or fired at once leave counts that equal the rows; nothing acts on a
// post members cannot see. One app for the file: each test signs up its own members and writes its own posts.

let call: ApiCall
let phones = 13922200000

beforeAll(async () => {
  call = apiCaller((await createTestApp({ hasTools: true })).app)
}, 60_000)

const signUp = async (): Promise<string> =>
  v.parse(
    SignedIn,
    (await call('POST', '/auth/phone', { body: { phone: String((phones += 1)), smsCode: '123456' } })).body,
  ).token

const publish = async (token: string, text: string): Promise<string> => {
  const answer = await call('POST', '/posts', { token, body: { text } })
  expect(answer.status).toBe(201)
  return (answer.body as { id: string }).id
}

/** A cursor made of any JSON text, as a tampering client would send it. */
const forged = (json: string): string => Buffer.from(json, 'utf8').toString('base64url')

describe('cursors', () => {
  // Each list's cursor shape is the server's own; these are what a tampered one may hold instead.
  const FORGED: Record<string, string> = {
    'a NUL in a string part (PostgreSQL holds no NUL)': '[0,1,0,"\\u0000"]',
    'a NUL in the two-part key': '[0,"\\u0000"]',
    'a NUL in both string parts': '["\\u0000","\\u0000"]',
    'a rank that is not 0 or 1': '[0.5,1,0,"x"]',
    'a rank beyond any integer column': '[10000000000,1,0,"x"]',
    'a number beyond a double (Infinity once parsed)': '[1e999,"x"]',
    'a time beyond a double in the feed key': '[0,1,-1e999,"x"]',
    'a key of another shape': '["x",1]',
    'a key of another length': '[0,1,0,"x",5]',
  }

  test.each(Object.entries(FORGED))('%s is a 400 on every list', async (_, json) => {
    const token = await signUp()
    const postId = ((await call('GET', '/posts?limit=1', { token })).body as { items: { id: string }[] }).items[0]!.id
    const lists = [
      '/posts',
      '/posts?section=hot',
      `/posts/${postId}/comments`,
      '/me/posts',
      '/topics',
      '/events',
      '/certificates',
    ]
    const answers = await Promise.all(
      lists.map(async (list) => {
        const answer = await call('GET', `${list}${list.includes('?') ? '&' : '?'}cursor=${forged(json)}`, { token })
        return `${list} ${answer.status} ${answer.status === 400 ? JSON.stringify(answer.body.error.details) : ''}`
      }),
    )
    expect(answers).toEqual(
      lists.map((list) => `${list} 400 ${JSON.stringify({ fields: { cursor: 'not a cursor this server issued' } })}`),
    )
  })

  test('a cursor each list issued pages on through it, and none opens another list', async () => {
    const token = await signUp()
    const feed = (await call('GET', '/posts?limit=1', { token })).body as { nextCursor: string }
    const events = (await call('GET', '/events?limit=1', { token })).body as { nextCursor: string | null }
    const topics = (await call('GET', '/topics?limit=1', { token })).body as { nextCursor: string }
    expect((await call('GET', `/posts?limit=1&cursor=${feed.nextCursor}`, { token })).status).toBe(200)
    expect((await call('GET', `/topics?limit=1&cursor=${topics.nextCursor}`, { token })).status).toBe(200)
    // The feed's four-part key is no key of the two-part lists, nor theirs of the feed.
    for (const list of ['/me/posts', '/topics', '/events', '/certificates'])
      expect((await call('GET', `${list}?cursor=${feed.nextCursor}`, { token })).status).toBe(400)
    expect((await call('GET', `/posts?cursor=${topics.nextCursor}`, { token })).status).toBe(400)
    // The events' key is two strings (a day and an id), the topics' a number and a name.
    if (events.nextCursor !== null)
      expect((await call('GET', `/topics?cursor=${events.nextCursor}`, { token })).status).toBe(400)
  })
})

describe('writes replayed and fired at once', () => {
  test('likes, unlikes and comments at once leave counts equal to the rows', async () => {
    const author = await signUp()
    const fans = await Promise.all(Array.from({ length: 4 }, () => signUp()))
    const postId = await publish(author, '并发点赞测试')
    // Each fan fires 5 likes at once, with fresh keys and with one key replayed.
    await Promise.all(
      fans.flatMap((token, index) =>
        Array.from({ length: 5 }, (_, attempt) =>
          call('POST', `/posts/${postId}/like`, {
            token,
            key: index % 2 === 0 ? `like-${index}` : `like-${index}-${attempt}`,
          }),
        ),
      ),
    )
    const liked = (await call('GET', `/posts/${postId}`, { token: author })).body as { likeCount: number }
    expect(liked.likeCount).toBe(4)
    const unliked = await Promise.all(
      Array.from({ length: 10 }, () => call('DELETE', `/posts/${postId}/like`, { token: fans[0] })),
    )
    expect(unliked.map((answer) => answer.body)).toEqual(unliked.map(() => ({ likeCount: 3, likedByMe: false })))
    // One comment intent replayed 10 times at once is one comment; ten intents are ten.
    await Promise.all(
      Array.from({ length: 10 }, () =>
        call('POST', `/posts/${postId}/comments`, { token: fans[1], key: 'one-comment', body: { text: '好看' } }),
      ),
    )
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        call('POST', `/posts/${postId}/comments`, { token: fans[2], body: { text: `第 ${index + 1} 条` } }),
      ),
    )
    const post = (await call('GET', `/posts/${postId}`, { token: author })).body as { commentCount: number }
    const comments = (await call('GET', `/posts/${postId}/comments?limit=50`, { token: author })).body as {
      items: unknown[]
    }
    expect(post.commentCount).toBe(11)
    expect(comments.items).toHaveLength(11)
  })

  test('ten members reporting at once hide the post once; the author and a repeat count for nothing', async () => {
    const author = await signUp()
    const postId = await publish(author, '并发举报测试')
    expect((await call('POST', `/posts/${postId}/report`, { token: author, body: { reason: 'spam' } })).status).toBe(
      403,
    )
    const first = await signUp()
    await Promise.all(
      Array.from({ length: 10 }, () =>
        call('POST', `/posts/${postId}/report`, { token: first, body: { reason: 'spam' } }),
      ),
    )
    expect((await call('GET', `/posts/${postId}`, { token: first })).status).toBe(200)
    const reporters = await Promise.all(Array.from({ length: 9 }, () => signUp()))
    const answers = await Promise.all(
      reporters.map((token) => call('POST', `/posts/${postId}/report`, { token, body: { reason: 'abuse' } })),
    )
    // Reports arriving after it hid are 404 (a hidden post is no longer reported); none is a 5xx.
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(4)
    expect((await call('GET', `/posts/${postId}`, { token: first })).status).toBe(404)
    const queue = (await call('GET', '/__mock/reviews?limit=50')).body as {
      items: { id: string; reportCount: number }[]
    }
    const item = queue.items.find((entry) => entry.id === postId)
    expect(item?.reportCount).toBe(1 + answers.filter((answer) => answer.status === 200).length)
  })
})

describe('posts members cannot see', () => {
  test('a hidden, removed, deleted or rejected post takes no like, comment or report; another’s post no deletion', async () => {
    const author = await signUp()
    const other = await signUp()
    const hide = async (postId: string) => {
      for (let index = 0; index < 5; index += 1)
        await call('POST', `/posts/${postId}/report`, { token: await signUp(), body: { reason: 'spam' } })
    }
    const hidden = await publish(author, '将被隐藏')
    await hide(hidden)
    const removed = await publish(author, '将被移除')
    await hide(removed)
    expect(
      (await call('POST', `/__mock/reviews/${removed}`, { body: { kind: 'post', decision: 'remove', reason: '广告' } }))
        .status,
    ).toBe(200)
    const deleted = await publish(author, '将被删除')
    expect((await call('DELETE', `/posts/${deleted}`, { token: author })).status).toBe(200)
    const rejected = (await call('POST', '/posts', { token: author, body: { text: '低价代开发票' } })).body as {
      id: string
      status: string
    }
    expect(rejected.status).toBe('rejected')
    for (const postId of [hidden, removed, deleted, rejected.id]) {
      for (const token of [author, other]) {
        const acts = await Promise.all([
          call('POST', `/posts/${postId}/like`, { token }),
          call('DELETE', `/posts/${postId}/like`, { token }),
          call('POST', `/posts/${postId}/comments`, { token, body: { text: '还在吗' } }),
          call('POST', `/posts/${postId}/report`, { token, body: { reason: 'spam' } }),
        ])
        expect([postId, acts.map((answer) => answer.status)]).toEqual([postId, [404, 404, 404, 404]])
      }
    }
    const standing = await publish(author, '别人的帖子')
    expect((await call('DELETE', `/posts/${standing}`, { token: other })).status).toBe(403)
    expect((await call('GET', `/posts/${standing}`, { token: other })).status).toBe(200)
  })
})

describe('text at the limits', () => {
  test('a comment or post holding half an emoji, or only invisible characters, is refused and stores nothing', async () => {
    const author = await signUp()
    const fan = await signUp()
    const postId = await publish(author, '文字边界测试')
    const comment = (text: string) => call('POST', `/posts/${postId}/comments`, { token: fan, body: { text } })
    // 150 emoji are 300 UTF-16 units: at the limit, and kept exactly as sent.
    const full = await comment('😀'.repeat(150))
    expect([full.status, full.body.text]).toEqual([201, '😀'.repeat(150)])
    // A field cut at 300 units mid-emoji leaves its first half: no character, and PostgreSQL would store U+FFFD.
    const refusals = [
      await comment(`${'😀'.repeat(149)}\ud83d`),
      await comment('\ude00开头'),
      await comment('\u200b\u200b\ufeff'),
      await call('POST', '/posts', { token: author, body: { text: `${'好'.repeat(999)}\ud83d` } }),
      await call('POST', '/posts', { token: author, body: { text: '\u2060 \u200b' } }),
    ]
    expect(refusals.map((answer) => [answer.status, answer.body.error?.details.fields.text])).toEqual([
      [400, 'no control characters'],
      [400, 'no control characters'],
      [400, 'not blank'],
      [400, 'no control characters'],
      [400, 'not blank'],
    ])
    const post = (await call('GET', `/posts/${postId}`, { token: fan })).body as { commentCount: number }
    expect(post.commentCount).toBe(1)
    const mine = (await call('GET', '/me/posts', { token: author })).body as { items: { id: string }[] }
    expect(mine.items.map((item) => item.id)).toEqual([postId])
  })
})

describe('threads under a placeholder', () => {
  // Kept as is (domain-rules.md: replies one level deep): a removed comment's replies stay, under 该评论已被隐藏, and
  // they are other members' words. Answering one of them talks to its author, not to the removed comment, so it is
  // accepted, as it is under a deleted comment's placeholder; the removed comment itself takes no reply.
  test('a reply to a reply of a removed comment is accepted and shown; the removed comment takes none', async () => {
    const [author, first, second, third] = await Promise.all(Array.from({ length: 4 }, () => signUp()))
    const postId = await publish(author!, '占位回复测试')
    const removed = (await call('POST', `/posts/${postId}/comments`, { token: first, body: { text: '要被移除' } })).body
    const reply = (
      await call('POST', `/posts/${postId}/comments`, { token: second, body: { text: '回复', replyTo: removed.id } })
    ).body
    for (let index = 0; index < 5; index += 1)
      await call('POST', `/comments/${removed.id}/report`, { token: await signUp(), body: { reason: 'abuse' } })
    expect(
      (
        await call('POST', `/__mock/reviews/${removed.id}`, {
          body: { kind: 'comment', decision: 'remove', reason: '辱骂' },
        })
      ).status,
    ).toBe(200)
    const direct = await call('POST', `/posts/${postId}/comments`, {
      token: third,
      body: { text: '还在吗', replyTo: removed.id },
    })
    expect(direct.status).toBe(400)
    const answer = await call('POST', `/posts/${postId}/comments`, {
      token: third,
      body: { text: '同意你', replyTo: reply.id },
    })
    expect([answer.status, answer.body.replyTo, answer.body.replyToMember?.id]).toEqual([
      201,
      removed.id,
      expect.any(String),
    ])
    const thread = (
      (await call('GET', `/posts/${postId}/comments`, { token: author })).body as {
        items: { id: string; isHidden: boolean; text: string; replies: { text: string }[] }[]
      }
    ).items
    expect(thread.map((item) => [item.id, item.isHidden, item.text, item.replies.map((entry) => entry.text)])).toEqual([
      [removed.id, true, '', ['回复', '同意你']],
    ])
  })
})
