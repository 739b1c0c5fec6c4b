import { Certificate, ChallengeEvent, Comment, EventPage, LikeState, Post, Uploaded } from '../../src/contract/all'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  fieldsOf,
  newKey,
  signUp,
} from './support/client'
import { lockMockClock, readClock, setClock } from './support/clock'
import { comment, createPost, JPEG, PNG, uploadBytes, WEBP } from './support/community'
import { checkIn, wholeLedger } from './support/membership'

const api = createApiClient()
lockMockClock(api)

const feedIds = async (token?: string) =>
  ((await api.request('GET', '/posts?limit=50', { token })).body as { items: Post[] }).items.map((post) => post.id)

describe('POST /posts', () => {
  it('publishes, stores the text exactly (markup stays text), and lists it first in my posts', async () => {
    const { token } = await signUp(api)
    const text = '<script>alert(1)</script><img src=x onerror=alert(1)>'
    const created = await createPost(api, token, { text })
    expect(created.status).toBe(201)
    const post = expectShape(Post, created.body)
    expect(post).toMatchObject({ text, status: 'published', section: 'recommend' })
    expect(expectShape(Post, (await api.request('GET', `/posts/${post.id}`)).body).text).toBe(text)
    expect((await api.request('GET', `/posts/${post.id}`)).text).not.toContain('<script>alert(1)</script>"')
    const mine = (await api.request('GET', '/me/posts', { token })).body as { items: Post[] }
    expect(mine.items[0]?.id).toBe(post.id)
  })

  it('rejects a post with a banned word, with a reason its author sees; others do not see it', async () => {
    const { token } = await signUp(api)
    const post = expectShape(Post, (await createPost(api, token, { text: '兼职刷单，日结' })).body)
    expect(post.status).toBe('rejected')
    expect(post.rejectReason).toContain('刷单')
    expect(await feedIds()).not.toContain(post.id)
    expectError(await api.request('GET', `/posts/${post.id}`), 404, 'NOT_FOUND')
    expect(((await api.request('GET', '/me/posts', { token })).body as { items: Post[] }).items[0]?.status).toBe(
      'rejected',
    )
  })

  it.each([
    ['empty text', { text: '' }, 'text'],
    ['blank text', { text: '   ' }, 'text'],
    ['1001 characters', { text: '长'.repeat(1001) }, 'text'],
    ['a control character', { text: 'a\u0000b' }, 'text'],
    ['10 images', { text: 'hi', images: Array(10).fill('http://mock.test/api/v1/uploads/a.png') }, 'images'],
    ['an image elsewhere', { text: 'hi', images: ['https://tracker.example/p.png'] }, 'images.0'],
    ['an image never uploaded', { text: 'hi', images: ['http://mock.test/api/v1/uploads/nope.png'] }, 'images.0'],
    ['a topic of 41 characters', { text: 'hi', topic: 'x'.repeat(41) }, 'topic'],
    ['a topic not offered (not in GET /topics)', { text: 'hi', topic: '已下线的话题' }, 'topic'],
    ['no such product', { text: 'hi', productId: 'p-none' }, 'productId'],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_label, body, field) => {
    const { token } = await signUp(api)
    expect(fieldsOf(await createPost(api, token, body))).toHaveProperty([field])
  })

  it('takes 1000 characters and images the member uploaded', async () => {
    const { token } = await signUp(api)
    const { url } = expectShape(Uploaded, (await uploadBytes(api, token, PNG)).body)
    const post = expectShape(Post, (await createPost(api, token, { text: '长'.repeat(1000), images: [url] })).body)
    expect(post.images).toEqual([url])
  })

  it("refuses the author's own upload under another host's name: phones would load it from there", async () => {
    const { token } = await signUp(api)
    const { url } = expectShape(Uploaded, (await uploadBytes(api, token, PNG)).body)
    const elsewhere = url.replace(/^https?:\/\/[^/]+/, 'https://tracker.example')
    expect(fieldsOf(await createPost(api, token, { text: 'hi', images: [url, elsewhere] }))).toHaveProperty([
      'images.1',
    ])
    expect(fieldsOf(await createPost(api, token, { text: 'hi', images: [`${url}?v=1`] }))).toHaveProperty(['images.0'])
  })

  it('pays 10 points for the first post of the day only, and completes the posting tasks', async () => {
    const { token } = await signUp(api)
    await createPost(api, token, { text: '第一条' })
    await createPost(api, token, { text: '第二条' })
    const posts = (await wholeLedger(api, token)).filter((entry) => entry.type === 'post')
    expect(posts.map((entry) => entry.delta)).toEqual([10])
    const tasks = (await api.request('GET', '/tasks', { token })).body as {
      items: { action: string; kind: string; isDone: boolean }[]
    }
    expect(tasks.items.filter((task) => task.action === 'post').every((task) => task.isDone)).toBe(true)
  })

  it('replays the same key without a second post', async () => {
    const { token } = await signUp(api)
    const key = newKey()
    const first = expectShape(Post, (await createPost(api, token, { text: '一次' }, key)).body)
    const again = expectShape(Post, (await createPost(api, token, { text: '一次' }, key)).body)
    expect(again.id).toBe(first.id)
    expect(((await api.request('GET', '/me/posts', { token })).body as { items: Post[] }).items).toHaveLength(1)
  })
})

describe('DELETE /posts/{id} and /comments/{id}', () => {
  it("lets the author delete, and refuses member B on A's post or comment (403)", async () => {
    const a = await signUp(api)
    const b = await signUp(api)
    const post = expectShape(Post, (await createPost(api, a.token, { text: 'A 的帖子' })).body)
    const note = expectShape(Comment, (await comment(api, a.token, post.id, { text: 'A 的评论' })).body)
    expectError(await api.request('DELETE', `/posts/${post.id}`, { token: b.token }), 403, 'FORBIDDEN')
    expectError(await api.request('DELETE', `/comments/${note.id}`, { token: b.token }), 403, 'FORBIDDEN')
    expect((await api.request('GET', `/posts/${post.id}`)).status).toBe(200)
    expect((await api.request('DELETE', `/comments/${note.id}`, { token: a.token })).status).toBe(200)
    expect((await api.request('DELETE', `/posts/${post.id}`, { token: a.token })).status).toBe(200)
    expectError(await api.request('GET', `/posts/${post.id}`), 404, 'NOT_FOUND')
    expectError(await api.request('DELETE', `/posts/${post.id}`, { token: a.token }), 404, 'NOT_FOUND')
  })
})

describe('likes', () => {
  it('counts 20 concurrent likes by one member once, and 20 concurrent unlikes likewise', async () => {
    const { token } = await signUp(api)
    const before = expectShape(Post, (await api.request('GET', '/posts/post-r3', { token })).body).likeCount
    const likes = await Promise.all(
      Array.from({ length: 20 }, () => api.request('POST', '/posts/post-r3/like', { token, idempotencyKey: newKey() })),
    )
    for (const response of likes) expect(response.status).toBe(200)
    expect(expectShape(Post, (await api.request('GET', '/posts/post-r3', { token })).body)).toMatchObject({
      likeCount: before + 1,
      likedByMe: true,
    })
    const unlikes = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.request('DELETE', '/posts/post-r3/like', { token, idempotencyKey: newKey() }),
      ),
    )
    for (const response of unlikes) expect(expectShape(LikeState, response.body).likedByMe).toBe(false)
    expect(expectShape(Post, (await api.request('GET', '/posts/post-r3', { token })).body)).toMatchObject({
      likeCount: before,
      likedByMe: false,
    })
  })

  it('needs an Idempotency-Key', async () => {
    const { token } = await signUp(api)
    expectError(await api.request('POST', '/posts/post-r3/like', { token }), 400, 'IDEMPOTENCY_KEY_REQUIRED')
  })
})

describe('comments', () => {
  it('lists top-level comments oldest first with replies one level deep', async () => {
    const { token } = await signUp(api)
    const post = expectShape(Post, (await createPost(api, token, { text: '求推荐' })).body)
    const first = expectShape(Comment, (await comment(api, token, post.id, { text: '一楼' })).body)
    const reply = expectShape(Comment, (await comment(api, token, post.id, { text: '回复', replyTo: first.id })).body)
    const nested = expectShape(
      Comment,
      (await comment(api, token, post.id, { text: '回复的回复', replyTo: reply.id })).body,
    )
    expect(nested.replyTo).toBe(first.id)
    await comment(api, token, post.id, { text: '二楼' })
    const page = (await api.request('GET', `/posts/${post.id}/comments`)).body as { items: Comment[] }
    expect(page.items.map((item) => item.text)).toEqual(['一楼', '二楼'])
    expect(page.items[0]?.replies.map((item) => item.text)).toEqual(['回复', '回复的回复'])
    expect(expectShape(Post, (await api.request('GET', `/posts/${post.id}`)).body).commentCount).toBe(4)
  })

  it.each([
    ['empty', { text: '' }, 'text'],
    ['301 characters', { text: '评'.repeat(301) }, 'text'],
    ['a reply to a comment of another post', { text: 'hi', replyTo: 'cm-none' }, 'replyTo'],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const { token } = await signUp(api)
    expect(fieldsOf(await comment(api, token, 'post-r1', body))).toHaveProperty([field])
  })

  it('pays 2 points a comment up to 10 a day', async () => {
    const { token } = await signUp(api)
    for (let index = 0; index < 7; index += 1) await comment(api, token, 'post-r1', { text: `评论 ${index}` })
    const paid = (await wholeLedger(api, token)).filter((entry) => entry.type === 'comment')
    expect(paid.reduce((sum, entry) => sum + entry.delta, 0)).toBe(10)
  })
})

describe('reports', () => {
  it('hides a post after 5 distinct reporters, not after 5 reports by one member', async () => {
    const author = await signUp(api)
    const post = expectShape(Post, (await createPost(api, author.token, { text: '被举报的帖子' })).body)
    const reporter = await signUp(api)
    for (let index = 0; index < 5; index += 1) {
      const response = await api.request('POST', `/posts/${post.id}/report`, {
        token: reporter.token,
        body: { reason: 'spam' },
        idempotencyKey: newKey(),
      })
      expect(response.status).toBe(200)
    }
    expect(await feedIds()).toContain(post.id)
    for (let index = 0; index < 4; index += 1) {
      const { token } = await signUp(api)
      await api.request('POST', `/posts/${post.id}/report`, {
        token,
        body: { reason: 'abuse' },
        idempotencyKey: newKey(),
      })
    }
    expect(await feedIds()).not.toContain(post.id)
    expect(
      expectShape(Post, (await api.request('GET', `/posts/${post.id}`, { token: author.token })).body).status,
    ).toBe('hidden')
  })

  it("refuses an author's report of their own post (403 FORBIDDEN): it is no member's complaint and counts for nothing", async () => {
    const author = await signUp(api)
    const post = expectShape(Post, (await createPost(api, author.token, { text: '自己的笔记' })).body)
    const response = await api.request('POST', `/posts/${post.id}/report`, {
      token: author.token,
      body: { reason: 'spam' },
      idempotencyKey: newKey(),
    })
    expectError(response, 403, 'FORBIDDEN')
    // Four other members and the author are not five distinct reporters: the post stays up.
    for (let index = 0; index < 4; index += 1) {
      const { token } = await signUp(api)
      await api.request('POST', `/posts/${post.id}/report`, {
        token,
        body: { reason: 'abuse' },
        idempotencyKey: newKey(),
      })
    }
    expect(await feedIds()).toContain(post.id)
  })

  it('takes only the fixed reasons', async () => {
    const { token } = await signUp(api)
    const response = await api.request('POST', '/posts/post-r1/report', {
      token,
      body: { reason: 'dislike' },
      idempotencyKey: newKey(),
    })
    expect(fieldsOf(response)).toHaveProperty(['reason'])
  })
})

describe('uploads', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
  ])('stores a %s under a server-made name and serves it with nosniff', async (_label, bytes, type) => {
    const { token } = await signUp(api)
    const uploaded = await uploadBytes(api, token, bytes, '../../evil name.svg', 'text/html')
    expect(uploaded.status).toBe(201)
    const { url } = expectShape(Uploaded, uploaded.body)
    expect(url).not.toContain('evil')
    const path = new URL(url).pathname.replace('/api/v1', '')
    const served = await api.request('GET', path)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe(type)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('refuses what is not an image whatever its name says', async () => {
    const { token } = await signUp(api)
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    expect(fieldsOf(await uploadBytes(api, token, svg, 'cat.png', 'image/png'))).toHaveProperty(['file'])
    expect(fieldsOf(await uploadBytes(api, token, new Uint8Array([0x47, 0x49, 0x46, 0x38]), 'a.jpg'))).toHaveProperty([
      'file',
    ])
  })

  it('refuses a file over 5 MB', async () => {
    const { token } = await signUp(api)
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(PNG)
    expectError(await uploadBytes(api, token, big), 413, 'PAYLOAD_TOO_LARGE')
  })

  it('needs a sign-in', async () => {
    const form = new FormData()
    form.append('file', new Blob([PNG]), 'a.png')
    expectError(await api.request('POST', '/uploads', { form }), 401, 'UNAUTHORIZED')
  })
})

describeWithMockRoutes('the check-in challenge', () => {
  it('issues one certificate per completing member, none to one who missed a day', async () => {
    const events = expectShape(EventPage, (await api.request('GET', '/events')).body)
    const event = events.items.find((item) => item.id === 'ev-challenge')
    if (!event) throw new Error('no seeded challenge')
    expect(event.postId).toBe('post-challenge')
    const { now } = await readClock(api)
    await setClock(api, `${event.startsOn}T09:00:00+08:00`)
    try {
      const done = await signUp(api)
      const missed = await signUp(api)
      for (const member of [done, missed]) {
        const joined = await api.request('POST', `/events/${event.id}/join`, {
          token: member.token,
          idempotencyKey: newKey(),
        })
        expect(expectShape(ChallengeEvent, joined.body).me?.joined).toBe(true)
      }
      const days = 7
      for (let day = 0; day < days; day += 1) {
        const date = new Date(Date.parse(`${event.startsOn}T09:00:00+08:00`) + day * 86_400_000).toISOString()
        await setClock(api, date)
        await checkIn(api, done.token)
        if (day !== 3) await checkIn(api, missed.token)
      }
      const mine = (await api.request('GET', '/certificates', { token: done.token })).body as { items: Certificate[] }
      expect(mine.items).toHaveLength(1)
      const again = (await api.request('GET', '/certificates', { token: done.token })).body as { items: Certificate[] }
      expect(again.items.map((item) => item.code)).toEqual(mine.items.map((item) => item.code))
      const code = mine.items[0]?.code ?? ''
      const checked = expectShape(Certificate, (await api.request('GET', `/certificates/${code}`)).body)
      expect(checked).toMatchObject({ valid: true, startsOn: event.startsOn, endsOn: event.endsOn })
      expect(
        ((await api.request('GET', '/certificates', { token: missed.token })).body as { items: [] }).items,
      ).toEqual([])
      const progress = expectShape(EventPage, (await api.request('GET', '/events', { token: missed.token })).body)
      const me = progress.items.find((item) => item.id === event.id)?.me
      expect(me?.days.map((day) => day.state)).toEqual([
        'checked',
        'checked',
        'checked',
        'missed',
        'checked',
        'checked',
        'checked',
      ])
      expect(me?.certificateCode).toBeNull()
      expect(progress.items.find((item) => item.id === event.id)?.joinedCount).toBeGreaterThanOrEqual(2)
    } finally {
      await setClock(api, now)
    }
  })

  it('answers 404 for a certificate code never issued', async () => {
    expectError(await api.request('GET', '/certificates/FLC-AAAA-BBBB'), 404, 'NOT_FOUND')
  })
})
