import { Gift, GiftCategory, page, Post, Topic } from '../../src/contract/all'
import type { ApiClient, ApiResponse } from './support/client'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, newKey, signUp } from './support/client'

const api: ApiClient = createApiClient()

/** Follows nextCursor to the end, checking each page's size. */
const readAll = async <T>(path: string, item: Parameters<typeof page>[0], limit: number): Promise<T[]> => {
  const items: T[] = []
  let cursor: string | null = null
  for (let guard = 0; guard < 100; guard += 1) {
    const separator = path.includes('?') ? '&' : '?'
    const response: ApiResponse = await api.request(
      'GET',
      `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    expect(response.status).toBe(200)
    const result: { items: unknown[]; nextCursor: string | null } = expectShape(page(item), response.body)
    expect(result.items.length).toBeLessThanOrEqual(limit)
    items.push(...(result.items as T[]))
    cursor = result.nextCursor
    if (cursor === null) return items
    expect(result.items).toHaveLength(limit)
  }
  throw new Error('pagination did not end')
}

describe('gifts', () => {
  it('pages through every gift exactly once, whatever the page size', async () => {
    const all = await readAll<Gift>('/gifts', Gift, 50)
    for (const limit of [1, 3, 7]) {
      const paged = await readAll<Gift>('/gifts', Gift, limit)
      expect(paged.map((gift) => gift.id)).toEqual(all.map((gift) => gift.id))
    }
    expect(new Set(all.map((gift) => gift.id)).size).toBe(all.length)
  })

  it('defaults to 20 a page', async () => {
    const response = await api.request('GET', '/gifts')
    expect(expectShape(page(Gift), response.body).items.length).toBeLessThanOrEqual(20)
  })

  it('seeds every kind open to V1, cheap ones and ones over 5000 points, and gifts for higher levels', async () => {
    const gifts = await readAll<Gift>('/gifts', Gift, 50)
    const forV1 = gifts.filter((gift) => gift.minLevel === 'V1')
    expect(new Set(forV1.map((gift) => gift.kind))).toEqual(new Set(['physical', 'virtual', 'coupon']))
    expect(forV1.some((gift) => gift.pointsCost <= 300 && gift.stock > 0)).toBe(true)
    expect(forV1.some((gift) => gift.pointsCost > 5000)).toBe(true)
    expect(gifts.some((gift) => gift.minLevel !== 'V1')).toBe(true)
  })

  it('filters by category', async () => {
    const categories = expectShape(page(GiftCategory), (await api.request('GET', '/gift-categories')).body).items
    expect(categories.length).toBeGreaterThanOrEqual(3)
    const all = await readAll<Gift>('/gifts', Gift, 50)
    for (const category of categories) {
      const filtered = await readAll<Gift>(`/gifts?category=${encodeURIComponent(category.id)}`, Gift, 50)
      expect(filtered.map((gift) => gift.id)).toEqual(
        all.filter((gift) => gift.category === category.id).map((gift) => gift.id),
      )
    }
    expect(await readAll<Gift>('/gifts?category=no-such-category', Gift, 50)).toEqual([])
  })

  it('needs a token for affordable=true (401), and never answers an unaffordable gift with one', async () => {
    expectError(await api.request('GET', '/gifts?affordable=true'), 401, 'UNAUTHORIZED')
    const { token, member } = await signUp(api)
    const response = await api.request('GET', '/gifts?affordable=true&limit=50', { token })
    const gifts = expectShape(page(Gift), response.body).items
    expect(gifts.every((gift) => gift.pointsCost <= member.pointsBalance)).toBe(true)
    expect((await api.request('GET', '/gifts?affordable=false')).status).toBe(200)
  })

  it('answers one gift, and 404 NOT_FOUND for an unknown one', async () => {
    const [first] = await readAll<Gift>('/gifts', Gift, 1)
    const response = await api.request('GET', `/gifts/${first?.id}`)
    expect(expectShape(Gift, response.body)).toEqual(first)
    expectError(await api.request('GET', '/gifts/no-such-gift'), 404, 'NOT_FOUND')
  })
})

describeWithMockRoutes('gifts: affordable follows the balance', () => {
  it('includes a gift once the member can pay for it', async () => {
    const { token } = await signUp(api)
    // The cheapest gift a new member could redeem but for the points: in stock, open to V1.
    const cheapest = (await readAll<Gift>('/gifts', Gift, 50))
      .filter((gift) => gift.stock > 0 && gift.minLevel === 'V1')
      .reduce((a, b) => (a.pointsCost <= b.pointsCost ? a : b))
    const before = expectShape(
      page(Gift),
      (await api.request('GET', '/gifts?affordable=true&limit=50', { token })).body,
    ).items
    expect(before).toEqual([])
    await api.request('POST', '/__mock/grant', {
      token,
      body: { points: cheapest.pointsCost },
      idempotencyKey: newKey(),
    })
    const after = expectShape(
      page(Gift),
      (await api.request('GET', '/gifts?affordable=true&limit=50', { token })).body,
    ).items
    expect(after.map((gift) => gift.id)).toContain(cheapest.id)
    expect(after.every((gift) => gift.pointsCost <= cheapest.pointsCost)).toBe(true)
  })
})

describe('posts', () => {
  it('has published posts in every section, the pinned check-in challenge first', async () => {
    for (const section of ['recommend', 'hot', 'earn'] as const) {
      const posts = await readAll<Post>(`/posts?section=${section}`, Post, 50)
      expect(posts.some((post) => post.section === section)).toBe(true)
      expect(posts.every((post) => post.status === 'published')).toBe(true)
      // 爆款精选 also features the recent posts of V4 and V5 members from other sections (community-featured.test.ts).
      const isListed = (post: Post) =>
        post.section === section || (section === 'hot' && ['V4', 'V5'].includes(post.author.levelCode))
      expect(posts.filter((post) => !isListed(post))).toEqual([])
    }
    const all = await readAll<Post>('/posts', Post, 50)
    expect(all[0]?.isPinned).toBe(true)
    expect(all.filter((post) => post.isPinned)).toHaveLength(1)
    expect(all[0]?.text).toContain('打卡')
  })

  it('orders the rest newest first and pages without repeats', async () => {
    const all = await readAll<Post>('/posts', Post, 50)
    const rest = all.filter((post) => !post.isPinned).map((post) => Date.parse(post.createdAt))
    expect([...rest].sort((a, b) => b - a)).toEqual(rest)
    const paged = await readAll<Post>('/posts', Post, 4)
    expect(paged.map((post) => post.id)).toEqual(all.map((post) => post.id))
  })

  it('filters by topic', async () => {
    const topics = expectShape(page(Topic), (await api.request('GET', '/topics')).body).items
    const busiest = topics[0]
    expect(busiest?.postCount).toBeGreaterThan(0)
    const posts = await readAll<Post>(`/posts?topic=${encodeURIComponent(busiest?.name ?? '')}`, Post, 50)
    expect(posts).toHaveLength(busiest?.postCount ?? -1)
    expect(posts.every((post) => post.topic === busiest?.name)).toBe(true)
  })

  it('answers one post, likedByMe false for a visitor', async () => {
    const [first] = await readAll<Post>('/posts', Post, 1)
    const post = expectShape(Post, (await api.request('GET', `/posts/${first?.id}`)).body)
    expect(post.id).toBe(first?.id)
    expect(post.likedByMe).toBe(false)
  })

  it('hides posts that are not published from everyone but their author', async () => {
    expectError(await api.request('GET', '/posts/no-such-post'), 404, 'NOT_FOUND')
    const listed = await readAll<Post>('/posts', Post, 50)
    const { token } = await signUp(api)
    for (const id of ['post-pending', 'post-rejected', 'post-hidden']) {
      expect(listed.map((post) => post.id)).not.toContain(id)
      expectError(await api.request('GET', `/posts/${id}`), 404, 'NOT_FOUND')
      expectError(await api.request('GET', `/posts/${id}`, { token }), 404, 'NOT_FOUND')
    }
  })
})
