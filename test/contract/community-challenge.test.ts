import { Certificate, ChallengeEvent, Comment, EventPage } from '../../src/contract/all'
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
import { comment, createPost } from './support/community'
import { checkIn, wholeLedger } from './support/membership'

// What the community's server adds for the composer and the challenge pages: comments pass the same review as
// posts, and every week has a challenge (a fresh server and a clock moved to any week always have one).

const api = createApiClient()
lockMockClock(api)

const DAY_MS = 86_400_000

const eventsNow = async (token?: string) => expectShape(EventPage, (await api.request('GET', '/events', { token })).body)

/** The challenge whose week holds this business day, if any. */
const covering = (page: { items: ChallengeEvent[] }, day: string) =>
  page.items.filter((event) => event.startsOn <= day && day <= event.endsOn)

describe('comments and the banned-word review', () => {
  it('refuses a comment with a banned word with the reason on its text, stores nothing and pays nothing', async () => {
    const { token } = await signUp(api)
    const refused = await comment(api, token, 'post-r1', { text: '加我微信，刷 单日结' })
    expect(fieldsOf(refused).text).toContain('刷单')
    const comments = (await api.request('GET', '/posts/post-r1/comments?limit=50')).body as { items: Comment[] }
    const texts = comments.items.flatMap((item) => [item.text, ...item.replies.map((reply) => reply.text)])
    expect(texts).not.toContain('加我微信，刷 单日结')
    expect((await wholeLedger(api, token)).filter((entry) => entry.type === 'comment')).toEqual([])
  })

  it('refuses a reply with a banned word too, and still takes a clean one', async () => {
    const { token } = await signUp(api)
    const { id } = expectShape(Comment, (await comment(api, token, 'post-r1', { text: '好用吗？' })).body)
    expect(fieldsOf(await comment(api, token, 'post-r1', { text: '去赌博吧', replyTo: id }))).toHaveProperty(['text'])
    const reply = await comment(api, token, 'post-r1', { text: '我也想知道', replyTo: id })
    expect(reply.status).toBe(201)
  })

  it('keeps a banned-word post rejected with its reason (the composer shows it)', async () => {
    const { token } = await signUp(api)
    const post = (await createPost(api, token, { text: '诚招代开发票' })).body as { status: string; rejectReason: string }
    expect(post).toMatchObject({ status: 'rejected' })
    expect(post.rejectReason).toContain('代开发票')
  })
})

describeWithMockRoutes('the weekly challenge', () => {
  it('exists once for the seeded week (the seed placed it; nothing is added beside it)', async () => {
    const { now } = await readClock(api)
    const today = now.slice(0, 10)
    // The mock's "now" is in the brand's zone (+08:00), so its date part is the business day.
    const running = covering(await eventsNow(), today)
    expect(running.map((event) => event.id)).toEqual(['ev-challenge'])
    expect(running[0]?.status).toBe('running')
  })

  it('is created for any week the clock is moved to, Monday 00:00 to Sunday 24:00 in the brand zone, once', async () => {
    const { now } = await readClock(api)
    try {
      // A Wednesday three weeks ahead of now (2 Jan 2036 is a Wednesday, far from any seeded week).
      await setClock(api, '2036-01-02T10:00:00+08:00')
      const answers = await Promise.all(Array.from({ length: 5 }, () => api.request('GET', '/events')))
      for (const answer of answers) expect(answer.status).toBe(200)
      const running = covering(await eventsNow(), '2036-01-02')
      expect(running).toHaveLength(1)
      expect(running[0]).toMatchObject({
        id: 'ev-week-2035-12-31',
        startsOn: '2035-12-31',
        endsOn: '2036-01-06',
        startsAt: '2035-12-31T00:00:00+08:00',
        endsAt: '2036-01-07T00:00:00+08:00',
        status: 'running',
        joinedCount: 0,
        me: null,
        allowsMakeup: false,
      })
    } finally {
      await setClock(api, now)
    }
  })

  it('completes like any challenge: joined, seven check-ins, one certificate that anyone can verify', async () => {
    const { now } = await readClock(api)
    try {
      await setClock(api, '2036-03-10T08:00:00+08:00') // a Monday
      const member = await signUp(api)
      const late = await signUp(api)
      const [event] = covering(await eventsNow(member.token), '2036-03-10')
      if (!event) throw new Error('no challenge this week')
      expect(event.me).toMatchObject({ joined: false, checkedDays: 0, totalDays: 7, isComplete: false })
      const joined = expectShape(
        ChallengeEvent,
        (await api.request('POST', `/events/${event.id}/join`, { token: member.token, idempotencyKey: newKey() })).body,
      )
      expect(joined.joinedCount).toBe(1)
      for (let day = 0; day < 7; day += 1) {
        await setClock(api, new Date(Date.parse('2036-03-10T08:00:00+08:00') + day * DAY_MS).toISOString())
        expect((await checkIn(api, member.token)).status).toBe(201)
        if (day === 1) {
          // Joining on Tuesday is allowed, but Monday is already missed: no certificate for this one.
          await api.request('POST', `/events/${event.id}/join`, { token: late.token, idempotencyKey: newKey() })
        }
        if (day >= 1) await checkIn(api, late.token)
      }
      const [done] = covering(await eventsNow(member.token), '2036-03-16')
      expect(done?.me).toMatchObject({ joined: true, checkedDays: 7, isComplete: true })
      const code = done?.me?.certificateCode ?? ''
      const certificates = (await api.request('GET', '/certificates', { token: member.token })).body as {
        items: Certificate[]
      }
      expect(certificates.items.map((item) => item.code)).toEqual([code])
      const verified = expectShape(Certificate, (await api.request('GET', `/certificates/${code.toLowerCase()}`)).body)
      expect(verified).toMatchObject({ code, valid: true, startsOn: '2036-03-10', endsOn: '2036-03-16' })
      expect(verified.title).toContain('自律达人')
      const [missed] = covering(await eventsNow(late.token), '2036-03-16')
      expect(missed?.me?.days[0]?.state).toBe('missed')
      expect(missed?.me?.certificateCode).toBeNull()
      expect(missed?.joinedCount).toBe(2)

      // The next Monday the challenge has ended: joining it is refused, and a new week's one runs.
      await setClock(api, '2036-03-17T09:00:00+08:00')
      const closed = await api.request('POST', `/events/${event.id}/join`, { token: late.token, idempotencyKey: newKey() })
      expectError(closed, 409, 'EVENT_CLOSED')
      expect(covering(await eventsNow(), '2036-03-17').map((item) => item.id)).toEqual(['ev-week-2036-03-17'])
    } finally {
      await setClock(api, now)
    }
  })
})
