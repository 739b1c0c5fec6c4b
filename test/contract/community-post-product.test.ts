import { Post } from '../../src/contract/all'
import { createApiClient, expectError, expectShape, fieldsOf, newKey, signUp } from './support/client'
import { createPost } from './support/community'
import { becomeDistributor, buy, commissionsOf, fansOf, overviewOf } from './support/distribution'
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

// A share of a 分享赚 post carries its author's code (`ref=CODE&postId=ID`): a friend arriving through it binds to the
// author like through their link, recorded as through the post (domain-rules.md: the link carries the author's code).
describe("a 分享赚 post's author code", () => {
  const postOf = async (id: string, token?: string) =>
    expectShape(Post, (await api.request('GET', `/posts/${id}`, { token })).body)

  const arrive = async (token: string, body: Record<string, unknown>) => {
    const response = await api.request('POST', '/distribution/arrivals', { token, body, idempotencyKey: newKey() })
    expect(response.status).toBe(200)
    return response.body as { isBound: boolean; reason: string | null }
  }

  it('is answered only on a product post of a member who distributes, in the post and in the feed', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const earn = expectShape(Post, (await createPost(api, kol.token, { text: '精华分享', productId: 'p-serum' })).body)
    const plain = expectShape(Post, (await createPost(api, kol.token, { text: '今天的穿搭' })).body)
    const member = await signUp(api)
    const other = expectShape(Post, (await createPost(api, member.token, { text: '普通会员的笔记' })).body)

    // To anyone: a visitor, a member, the author.
    expect((await postOf(earn.id)).authorReferralCode).toBe(code)
    expect((await postOf(earn.id, member.token)).authorReferralCode).toBe(code)
    expect(earn.authorReferralCode).toBe(code)
    const feed = ((await api.request('GET', '/posts?section=earn&limit=50')).body as { items: Post[] }).items
    expect(feed.find((post) => post.id === earn.id)?.authorReferralCode).toBe(code)
    // A KOL's post without a product, and a plain member's post, name no code.
    expect((await postOf(plain.id)).authorReferralCode).toBeNull()
    expect((await postOf(other.id)).authorReferralCode).toBeNull()
    const mine = ((await api.request('GET', '/me/posts?limit=50', { token: member.token })).body as { items: Post[] })
      .items
    expect(mine.map((post) => post.authorReferralCode)).toEqual([null])
  })

  it('is not answered on a post nobody else can open: a rejected 分享赚 post names no code, even to its author', async () => {
    const kol = await signUp(api)
    await becomeDistributor(api, kol.token)
    const created = await createPost(api, kol.token, { text: '刷单返现，精华分享', productId: 'p-serum' })
    const rejected = expectShape(Post, created.body)
    expect(rejected).toMatchObject({ status: 'rejected', productId: 'p-serum', authorReferralCode: null })
    // Only its author can open it (anyone else: 404), so a link carrying the code would lead friends nowhere.
    expect((await postOf(rejected.id, kol.token)).authorReferralCode).toBeNull()
    expect((await api.request('GET', `/posts/${rejected.id}`)).status).toBe(404)
    const mine = ((await api.request('GET', '/me/posts?limit=50', { token: kol.token })).body as { items: Post[] })
      .items
    expect(mine.find((post) => post.id === rejected.id)?.authorReferralCode).toBeNull()
  })

  it('binds a signed-in friend who arrives through it, as through the post; another post is taken as a link', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const earn = expectShape(Post, (await createPost(api, kol.token, { text: '精华分享', productId: 'p-serum' })).body)

    const friend = await signUp(api)
    expect(await arrive(friend.token, { code, source: 'post', postId: earn.id })).toMatchObject({
      isBound: true,
      reason: null,
    })
    expect((await fansOf(api, kol.token)).map((fan) => [fan.member.id, fan.source])).toEqual([
      [friend.member.id, 'post'],
    ])

    // A post that is not this KOL's 分享赚 post (another KOL's) is not taken on the client's word: the code still
    // binds, through a link.
    const otherKol = await signUp(api)
    await becomeDistributor(api, otherKol.token)
    const theirs = expectShape(
      Post,
      (await createPost(api, otherKol.token, { text: '别人的笔记', productId: 'p-serum' })).body,
    )
    const stranger = await signUp(api)
    expect(await arrive(stranger.token, { code, source: 'post', postId: theirs.id })).toMatchObject({ isBound: true })
    const sources = Object.fromEntries((await fansOf(api, kol.token)).map((fan) => [fan.member.id, fan.source]))
    expect(sources[stranger.member.id]).toBe('link')
  })

  it('binds a visitor who signs up from it (refSource post with refPostId) through the post; another post is a link', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const earn = expectShape(Post, (await createPost(api, kol.token, { text: '精华分享', productId: 'p-serum' })).body)
    const otherKol = await signUp(api)
    await becomeDistributor(api, otherKol.token)
    const theirs = expectShape(
      Post,
      (await createPost(api, otherKol.token, { text: '别人的笔记', productId: 'p-serum' })).body,
    )
    const signUpFrom = async (postId: string) => {
      const response = await api.request('POST', '/auth/phone', {
        body: {
          phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
          smsCode: '123456',
          ref: code,
          refSource: 'post',
          refPostId: postId,
        },
      })
      expect(response.status).toBe(200)
      return (response.body as { member: { id: string } }).member.id
    }
    const throughTheirPost = await signUpFrom(earn.id)
    // Another KOL's post is not taken on the client's word: the code still binds, through a link.
    const throughAnotherPost = await signUpFrom(theirs.id)
    const sources = Object.fromEntries((await fansOf(api, kol.token)).map((fan) => [fan.member.id, fan.source]))
    expect(sources).toEqual({ [throughTheirPost]: 'post', [throughAnotherPost]: 'link' })
  })
})
