import * as v from 'valibot'
import { ArrivalPage, FanPage, KolPostPage, Post } from '../../src/contract/all'
import type { KolPostStats } from '../../src/contract/all'
import { createApiClient, expectShape, newKey, signUp } from './support/client'
import { createPost } from './support/community'
import { becomeDistributor, buy, commissionsOf, refund } from './support/distribution'

// Which of a KOL's 分享赚 posts bring fans (domain-rules.md: the KOL sees where each fan came from): per post, the fans
// bound through it, the arrivals through it that did not bind, the paid orders through it and the commission they
// paid the KOL; 我的粉丝 filtered by one post; and every arrival naming its post.

const api = createApiClient()

const randomPhone = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

const signUpFromPost = async (code: string, postId?: string) => {
  const response = await api.request('POST', '/auth/phone', {
    body: {
      phone: randomPhone(),
      smsCode: '123456',
      ref: code,
      refSource: 'post',
      ...(postId ? { refPostId: postId } : {}),
    },
  })
  expect(response.status).toBe(200)
  return response.body as { token: string; member: { id: string } }
}

const publish = async (token: string, text: string, productId?: string) =>
  expectShape(Post, (await createPost(api, token, { text, ...(productId ? { productId } : {}) })).body)

const postsOf = async (token: string, query = '') => {
  const response = await api.request('GET', `/distribution/posts${query}`, { token })
  expect(response.status).toBe(200)
  return expectShape(KolPostPage, response.body)
}

const counts = (stats: KolPostStats) => [stats.fanCount, stats.arrivalCount, stats.orderCount, stats.commissionFen]
/** Where the post's orders' commission went: all of them, this KOL's, another KOL's (first touch). */
const split = (stats: KolPostStats) => [stats.orderCount, stats.creditedOrderCount, stats.otherKolOrderCount]

describe('GET /distribution/posts: what each 分享赚 post brought', () => {
  it('counts fans, unbound arrivals, paid orders and commission per post, most fans first; filters 我的粉丝 by post', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const rival = await signUp(api)
    const rivalCode = await becomeDistributor(api, rival.token)

    const plain = await publish(kol.token, '没有商品的笔记')
    const quiet = await publish(kol.token, '还没人来的分享', 'p-serum')
    const best = await publish(kol.token, '带来最多粉丝的精华分享\n回购三次', 'p-serum')
    const gone = await publish(kol.token, '后来删掉的分享', 'p-sunscreen')
    const one = await publish(kol.token, '只带来一位粉丝', 'p-serum')

    const bestFan = await signUpFromPost(code, best.id)
    await signUpFromPost(code, best.id)
    await signUpFromPost(code, one.id)
    await signUpFromPost(code, gone.id)
    // Already the rival's fan: arrives through the post without binding (already_bound), named like a fan's post.
    const taken = await signUp(api, { ref: rivalCode })
    const arrived = await api.request('POST', '/distribution/arrivals', {
      token: taken.token,
      body: { code, source: 'post', postId: best.id },
      idempotencyKey: newKey(),
    })
    expect(arrived.body).toMatchObject({ isBound: false, reason: 'already_bound' })

    // Orders through the post: one kept, one refunded (neither its order nor its commission counts); the rival's fan
    // buys through it too (an order the post brought, whose commission is the rival's).
    const kept = await buy(api, bestFan.token, { productId: 'p-serum', ref: code, postId: best.id })
    const refunded = await buy(api, bestFan.token, { productId: 'p-serum', ref: code, postId: best.id })
    expect((await refund(api, bestFan.token, refunded.id)).status).toBe(200)
    await buy(api, taken.token, { productId: 'p-serum', ref: code, postId: best.id })
    // The KOL's own order through their quiet post: one's own code earns nothing.
    await buy(api, kol.token, { productId: 'p-serum', ref: code, postId: quiet.id })
    const keptCommission = (await commissionsOf(api, kol.token)).find((row) => row.orderId === kept.id)
    if (!keptCommission) throw new Error('the kept order paid the KOL commission')

    expect(
      (await api.request('DELETE', `/posts/${gone.id}`, { token: kol.token, idempotencyKey: newKey() })).status,
    ).toBeLessThan(300)

    const byFans = await postsOf(kol.token)
    expect(byFans.nextCursor).toBeNull()
    // Ties (one fan each) newest first; the quiet post is listed with no fans; the post without a product is not.
    expect(byFans.items.map((item) => item.post.id)).toEqual([best.id, one.id, gone.id, quiet.id])
    expect(byFans.items.map((item) => item.post.id)).not.toContain(plain.id)
    const [bestStats, oneStats, goneStats, quietStats] = byFans.items
    expect(bestStats?.post).toEqual({ id: best.id, excerpt: '带来最多粉丝的精华分享 回购三次', isDeleted: false })
    expect(bestStats && counts(bestStats)).toEqual([2, 1, 2, keptCommission.amountFen])
    expect(keptCommission.amountFen).toBeGreaterThan(0)
    // Two orders, one of them the rival's by first touch: the KOL is told so, not left with "2 单" and one commission.
    expect(bestStats && split(bestStats)).toEqual([2, 1, 1])
    expect(oneStats && counts(oneStats)).toEqual([1, 0, 0, 0])
    expect(goneStats?.post).toEqual({ id: gone.id, excerpt: '', isDeleted: true })
    expect(goneStats && counts(goneStats)).toEqual([1, 0, 0, 0])
    // The KOL's own order: counted, paying nobody; their own arrival through the code is listed (own_code) as
    // 未绑定的来访 lists it.
    expect(quietStats && counts(quietStats)).toEqual([0, 1, 1, 0])
    expect(quietStats && split(quietStats)).toEqual([1, 0, 0])

    const newest = await postsOf(kol.token, '?sort=newest')
    expect(newest.items.map((item) => item.post.id)).toEqual([one.id, gone.id, best.id, quiet.id])

    // Paged one at a time, each order walks every post once.
    for (const sort of ['fans', 'newest'] as const) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const page: v.InferOutput<typeof KolPostPage> = await postsOf(
          kol.token,
          `?sort=${sort}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
        seen.push(...page.items.map((item) => item.post.id))
        cursor = page.nextCursor
      } while (cursor !== null)
      expect(seen).toEqual((sort === 'fans' ? byFans : newest).items.map((item) => item.post.id))
    }

    // 我的粉丝 by one post: its fans and its arrivals that did not bind, nothing else.
    const fans = expectShape(
      FanPage,
      (await api.request('GET', `/distribution/fans?postId=${best.id}&limit=50`, { token: kol.token })).body,
    )
    expect(fans.items).toHaveLength(2)
    expect(fans.items.every((fan) => fan.post?.id === best.id)).toBe(true)
    const arrivals = expectShape(
      ArrivalPage,
      (await api.request('GET', `/distribution/arrivals?postId=${best.id}`, { token: kol.token })).body,
    )
    expect(arrivals.items.map((arrival) => arrival.member.id)).toEqual([taken.member.id])
    const none = expectShape(
      ArrivalPage,
      (await api.request('GET', `/distribution/arrivals?postId=${one.id}`, { token: kol.token })).body,
    )
    expect(none.items).toEqual([])
  })

  it('names the post an unbound arrival came through, like a fan’s; null for other sources', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const rival = await signUp(api)
    const rivalCode = await becomeDistributor(api, rival.token)
    const post = await publish(kol.token, '  一篇分享赚\n笔记 ', 'p-serum')
    const taken = await signUp(api, { ref: rivalCode })
    for (const body of [
      { code, source: 'post', postId: post.id },
      { code, source: 'card' },
    ])
      await api.request('POST', '/distribution/arrivals', { token: taken.token, body, idempotencyKey: newKey() })
    const arrivals = expectShape(
      ArrivalPage,
      (await api.request('GET', '/distribution/arrivals', { token: kol.token })).body,
    )
    const bySource = Object.fromEntries(arrivals.items.map((arrival) => [arrival.source, arrival]))
    expect(bySource.post?.post).toEqual({ id: post.id, excerpt: '一篇分享赚 笔记', isDeleted: false })
    expect(bySource.card?.post).toBeNull()
    await api.request('DELETE', `/posts/${post.id}`, { token: kol.token, idempotencyKey: newKey() })
    const after = expectShape(
      ArrivalPage,
      (await api.request('GET', '/distribution/arrivals', { token: kol.token })).body,
    )
    expect(after.items.find((arrival) => arrival.source === 'post')?.post).toEqual({
      id: post.id,
      excerpt: '',
      isDeleted: true,
    })
  })

  it('is the right’s: a member who does not distribute is refused; a cursor of the other order is 400', async () => {
    const member = await signUp(api)
    const refused = await api.request('GET', '/distribution/posts', { token: member.token })
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: { code: 'NOT_DISTRIBUTOR' } })
    expect((await api.request('GET', '/distribution/posts')).status).toBe(401)

    const kol = await signUp(api)
    await becomeDistributor(api, kol.token)
    await publish(kol.token, '第一篇', 'p-serum')
    await publish(kol.token, '第二篇', 'p-serum')
    const first = await postsOf(kol.token, '?limit=1')
    if (!first.nextCursor) throw new Error('two posts make two pages of one')
    const wrong = await api.request('GET', `/distribution/posts?sort=newest&cursor=${first.nextCursor}`, {
      token: kol.token,
    })
    expect(wrong.status).toBe(400)
    expect((await api.request('GET', '/distribution/posts?sort=oldest', { token: kol.token })).status).toBe(400)
    // A NUL in the post filter is bad input, never a 500 from the database.
    for (const path of ['/distribution/fans?postId=a%00b', '/distribution/arrivals?postId=a%00b']) {
      const nul = await api.request('GET', path, { token: kol.token })
      expect(nul.status).toBe(400)
      expect(nul.body).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { fields: { postId: expect.any(String) } } },
      })
    }
  })
})
