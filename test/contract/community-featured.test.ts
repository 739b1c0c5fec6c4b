import { Post } from '../../src/contract/all'
import { createApiClient, describeWithMockRoutes, expectShape, signUp } from './support/client'
import { lockMockClock } from './support/clock'
import { createPost } from './support/community'
import { grant } from './support/mall'

// The levels' `homepage_feature` benefit (首页推荐 · 达人笔记优先展示, V4 and V5 in the seed): a recent post of a member
// whose level has it is featured in 爆款精选, the list home's 社区精选 shows, first after the pinned posts.

const api = createApiClient()
// Moves the clock past the featured days.
lockMockClock(api)

type Page = { items: Post[]; nextCursor: string | null }

/** Every post of a list, following its cursor `limit` at a time. */
const wholeList = async (section: string, limit: number): Promise<Post[]> => {
  const posts: Post[] = []
  let cursor: string | null = null
  do {
    const query: string = `/posts?section=${section}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const response = await api.request('GET', query)
    expect(response.status).toBe(200)
    const page = response.body as Page
    posts.push(...page.items.map((item) => expectShape(Post, item)))
    cursor = page.nextCursor
  } while (cursor)
  return posts
}

const memberWithGrowth = async (growth: number): Promise<string> => {
  const { token } = await signUp(api)
  if (growth > 0) await grant(api, token, { growth })
  return token
}

const postAs = async (token: string, text: string): Promise<Post> =>
  expectShape(Post, (await createPost(api, token, { text })).body)

describeWithMockRoutes('爆款精选 features the recent posts of the levels with homepage_feature', () => {
  it('a V4 member’s new post comes first after the pinned ones; a V1 or V3 member’s does not join the list', async () => {
    const featured = await postAs(await memberWithGrowth(3000), 'V4 的新笔记：秋冬护肤三步走')
    const plain = await postAs(await memberWithGrowth(0), 'V1 的新笔记')
    const v3 = await postAs(await memberWithGrowth(1000), 'V3 的新笔记')
    expect(featured).toMatchObject({ section: 'recommend', author: { levelCode: 'V4' } })

    const hot = await wholeList('hot', 50)
    const ids = hot.map((post) => post.id)
    expect(ids).toContain(featured.id)
    expect(ids).not.toContain(plain.id)
    expect(ids).not.toContain(v3.id)
    // Pinned first, then the featured ones, then the section's own posts.
    const firstUnpinned = hot.findIndex((post) => !post.isPinned)
    expect(hot.slice(firstUnpinned).every((post) => !post.isPinned)).toBe(true)
    const firstHotOwn = hot.findIndex((post) => !post.isPinned && post.section === 'hot')
    expect(ids.indexOf(featured.id)).toBeLessThan(firstHotOwn === -1 ? Infinity : firstHotOwn)
    // It stays in its own section too, where nothing is featured.
    expect((await wholeList('recommend', 50)).map((post) => post.id)).toContain(featured.id)
  })

  it('pages through the featured and the section’s own posts with the cursor: each once, in the same order', async () => {
    await postAs(await memberWithGrowth(8000), 'V5 的新笔记')
    const whole = (await wholeList('hot', 50)).map((post) => post.id)
    expect((await wholeList('hot', 2)).map((post) => post.id)).toEqual(whole)
  })

  it('a featured post gives way after 7 days: it leaves 爆款精选', async () => {
    const featured = await postAs(await memberWithGrowth(3000), 'V4 一周前的笔记')
    expect((await wholeList('hot', 50)).map((post) => post.id)).toContain(featured.id)
    const moved = await api.request('POST', '/__mock/clock', { body: { advanceDays: 8 } })
    expect(moved.status).toBe(200)
    expect((await wholeList('hot', 50)).map((post) => post.id)).not.toContain(featured.id)
  })
})
