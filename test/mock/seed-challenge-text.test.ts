import type { ChallengeEvent, Comment, Post } from '../../src/contract/all'
import { apiCaller, createTestApp } from '../support/test-server'

// What the seed's own words say about the weekly challenge must be what the challenge does: a challenge whose
// config does not allow make-ups (allowsMakeup false) counts only days checked in on the day, so neither its
// pinned post nor the official account's replies under it may promise that a 补签 helps toward the badge.
const NOW = Date.parse('2030-03-12T15:00:00+08:00')

it('the seeded challenge post and its thread say what its make-up rule does', async () => {
  const { app } = await createTestApp({ realNow: () => NOW })
  const call = apiCaller(app)
  const get = async <T>(path: string) => (await call('GET', path)).body as T
  const events = await get<{ items: ChallengeEvent[] }>('/events')
  const challenge = events.items.find((event) => event.postId === 'post-challenge')
  expect(challenge).toBeDefined()
  const post = await get<Post>('/posts/post-challenge')
  const comments = await get<{ items: Comment[] }>('/posts/post-challenge/comments?limit=50')
  const texts = [post.text, ...comments.items.flatMap((item) => [item.text, ...item.replies.map((r) => r.text)])]
  const aboutMakeup = texts.filter((text) => text.includes('补签'))
  expect(aboutMakeup.length).toBeGreaterThan(0)
  // The seed's challenge takes the table's default: make-ups do not count.
  expect(challenge?.allowsMakeup).toBe(false)
  for (const text of aboutMakeup) expect(text).toMatch(/补签的日子不计入/)
})
