import { Post } from '../../src/contract/all'
import { createApiClient, expectError, expectShape, fieldsOf, newKey, signUp } from './support/client'
import { createPost } from './support/community'
import { becomeDistributor, buy, commissionsOf, overviewOf } from './support/distribution'
import { wholeLedger } from './support/membership'

// A 分享赚 post: a member with distribution rights attaches a product of the catalogue, the post lands in the
// 分享赚 section, and an order through it pays its author. Nobody else can attach one (domain-rules.md,
// Distribution and KOLs: a product card is how a KOL earns, so a plain member's would pay no one).

const api = createApiClient()

const myPostIds = async (token: string) =>
  ((await api.request('GET', '/me/posts?limit=50', { token })).body as { items: Post[] }).items.map((post) => post.id)

const earnFeedIds = async () =>
  ((await api.request('GET', '/posts?section=earn&limit=50')).body as { items: Post[] }).items.map((post) => post.id)

describe('POST /posts with a product', () => {
  it("a KOL's post with a product lands in 分享赚, and an order through it credits the author's commission", async () => {
    const kol = await signUp(api)
    await becomeDistributor(api, kol.token)
    const created = await createPost(api, kol.token, { text: '回购三次的精华，分享给大家', productId: 'p-serum' })
    expect(created.status).toBe(201)
    const post = expectShape(Post, created.body)
    expect(post).toMatchObject({ section: 'earn', productId: 'p-serum', status: 'published' })
    expect(await earnFeedIds()).toContain(post.id)

    const before = (await overviewOf(api, kol.token)).commission
    const fan = await signUp(api)
    const order = await buy(api, fan.token, { productId: 'p-serum', postId: post.id })
    expect(order).toMatchObject({ postId: post.id, amountFen: 19900 })
    const commission = (await commissionsOf(api, kol.token)).find((item) => item.orderId === order.id)
    // 10% of the order, pending until its settle date.
    expect(commission).toMatchObject({ amountFen: 1990, status: 'pending', level: 1 })
    expect((await overviewOf(api, kol.token)).commission.pendingFen).toBe(before.pendingFen + 1990)
  })

  it('a member without distribution rights is refused (403 NOT_DISTRIBUTOR) and nothing is written', async () => {
    const member = await signUp(api)
    const earnBefore = await earnFeedIds()
    const response = await createPost(api, member.token, { text: '我也想挂个商品', productId: 'p-serum' })
    const body = expectError(response, 403, 'NOT_DISTRIBUTOR')
    expect(body.error.message).toMatch(/distribution rights/)
    expect(body.error.details).toMatchObject({ productId: 'p-serum' })
    // No post, no posting points, nothing new in 分享赚.
    expect(await myPostIds(member.token)).toEqual([])
    expect((await wholeLedger(api, member.token)).filter((entry) => entry.type === 'post')).toEqual([])
    expect(await earnFeedIds()).toEqual(earnBefore)
    // The same member may still post without a product (it goes to 种草推荐).
    const plain = expectShape(Post, (await createPost(api, member.token, { text: '我也想挂个商品' })).body)
    expect(plain).toMatchObject({ section: 'recommend', productId: null })
  })

  it('a buyer whose post was deleted or hidden since still buys: through no post, or through the link it came with', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const deleted = expectShape(
      Post,
      (await createPost(api, kol.token, { text: '会删掉的笔记', productId: 'p-serum' })).body,
    )
    const hidden = expectShape(
      Post,
      (await createPost(api, kol.token, { text: '会被举报的笔记', productId: 'p-serum' })).body,
    )
    const removed = await api.request('DELETE', `/posts/${deleted.id}`, { token: kol.token, idempotencyKey: newKey() })
    expect(removed.status).toBe(200)
    for (let index = 0; index < 5; index += 1) {
      const reporter = await signUp(api)
      const reported = await api.request('POST', `/posts/${hidden.id}/report`, {
        token: reporter.token,
        body: { reason: 'spam' },
        idempotencyKey: newKey(),
      })
      expect(reported.status).toBe(200)
    }
    // The product page opened from the deleted post: the order goes through, names no post, pays nobody.
    const first = await signUp(api)
    const unattributed = await buy(api, first.token, { productId: 'p-serum', postId: deleted.id })
    expect(unattributed).toMatchObject({ status: 'paid', postId: null, amountFen: 19900 })
    // From the hidden post with the author's link as well: the link still counts.
    const second = await signUp(api)
    const viaLink = await buy(api, second.token, { productId: 'p-serum', postId: hidden.id, ref: code })
    expect(viaLink).toMatchObject({ status: 'paid', postId: null })
    expect((await commissionsOf(api, kol.token)).map((item) => [item.orderId, item.amountFen])).toEqual([
      [viaLink.id, 1990],
    ])
  })

  it('an unknown product is refused (400 naming productId), for a KOL too, and nothing is written', async () => {
    const kol = await signUp(api)
    await becomeDistributor(api, kol.token)
    const key = newKey()
    const response = await createPost(api, kol.token, { text: '这个商品不存在', productId: 'p-none' }, key)
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(fieldsOf(response)).toHaveProperty(['productId'])
    expect(await myPostIds(kol.token)).toEqual([])
    expect((await wholeLedger(api, kol.token)).filter((entry) => entry.type === 'post')).toEqual([])
  })
})
