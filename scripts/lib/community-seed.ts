// Bulk community content for the render benchmark, made through the server's own HTTP routes (uploads checked by
// their bytes, posts reviewed, comments paid within the daily caps): slower than writing rows, but nothing here
// can hold a state the rules would not allow. Deterministic: the same counts give the same posts.
import { deflateSync } from 'node:zlib'
import type { Sql } from '../../mock/platform/db'

type Call = (
  method: string,
  path: string,
  options?: { token?: string; body?: unknown; key?: string },
) => Promise<{ status: number; json: Record<string, unknown> }>

export const SEED_AUTHORS = [
  'kol-distributor',
  'streak-day6',
  'points-expiring',
  'birthday-month',
  'new-member',
] as const

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Uint8Array): Buffer => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A real PNG (size × size, one colour): the server checks uploads by their bytes. */
export function solidPng(size: number, [red, green, blue]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: size }, () => [red, green, blue]).flat()),
  ])
  const pixels = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', new Uint8Array()),
  ])
}

/** A small deterministic pseudo-random sequence (so two runs seed the same feed). */
const sequence = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const PHRASES = [
  '今天入手的精华用了一周，',
  '皮肤状态稳定了很多，',
  'The texture is light and it sinks in fast. ',
  '搭配防晒一起用效果更好，',
  '价格不贵，学生党也能冲 💪',
  '包装很用心，送人也合适。',
  '成分表放在图里了，大家按需入～',
  'Would buy again. ',
]

const textOf = (random: () => number, index: number): string => {
  const parts = 1 + Math.floor(random() * 12)
  let text = `#${index} `
  for (let part = 0; part < parts; part += 1) text += PHRASES[Math.floor(random() * PHRASES.length)]
  return text.slice(0, 1000)
}

/** Runs `work` on `items` with at most `limit` in flight. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next] as T
        next += 1
        await work(item)
      }
    }),
  )
}

export type Author = { persona: string; token: string; images: string[] }

/** Signs the seed authors in (operator personas) and uploads nine pictures for each. */
export async function prepareAuthors(
  call: Call,
  upload: (token: string, png: Buffer) => Promise<string>,
): Promise<Author[]> {
  const authors: Author[] = []
  for (const [n, persona] of SEED_AUTHORS.entries()) {
    const { token } = (await call('POST', '/__mock/persona', { body: { id: persona } })).json as { token: string }
    const images: string[] = []
    for (let k = 0; k < 9; k += 1)
      images.push(await upload(token, solidPng(64, [40 + n * 40, 90 + k * 15, 200 - k * 10])))
    authors.push({ persona, token, images })
  }
  return authors
}

/** `count` published posts, 0 to 9 pictures and 1 to 12 phrases each, spread over the authors. */
export async function seedPosts(
  call: Call,
  authors: readonly Author[],
  count: number,
  onProgress?: (done: number) => void,
) {
  const random = sequence(20261129)
  const plans = Array.from({ length: count }, (_, index) => {
    const author = authors[index % authors.length] as Author
    const imageCount = Math.floor(random() * 10)
    return { index, author, text: textOf(random, index), images: author.images.slice(0, imageCount) }
  })
  let done = 0
  await inPool(plans, 4, async (plan) => {
    const answer = await call('POST', '/posts', {
      token: plan.author.token,
      body: { text: plan.text, images: plan.images },
      key: `bench-post-${plan.index}`,
    })
    if (answer.status !== 201) throw new Error(`post ${plan.index}: ${answer.status} ${JSON.stringify(answer.json)}`)
    done += 1
    if (done % 500 === 0) onProgress?.(done)
  })
}

/**
 * The same `count` posts as seedPosts (same texts, pictures and authors), placed the way the server's seed places
 * posts (community service `createPost`, one transaction, one second apart) instead of one HTTP request each: a
 * few seconds instead of minutes, for `npm run bench`'s time limit. What the feed then shows is the same kind of
 * published post; the posting rules themselves (review, daily points) are not exercised by this path.
 */
export async function placePosts(
  transaction: (work: (sql: Sql) => Promise<void>) => Promise<void>,
  authors: readonly (Author & { memberId: string })[],
  count: number,
  nowMs: number,
) {
  const { createPost } = await import('../../mock/modules/community/service')
  const { newId } = await import('../../mock/platform/ids')
  const random = sequence(20261129)
  const plans = Array.from({ length: count }, (_, index) => {
    const author = authors[index % authors.length] as Author & { memberId: string }
    const imageCount = Math.floor(random() * 10)
    return { index, author, text: textOf(random, index), images: author.images.slice(0, imageCount) }
  })
  await transaction(async (sql) => {
    for (const plan of plans) {
      const ctx = { sql, nowMs: nowMs - (count - plan.index) * 1000 } as Parameters<typeof createPost>[0]
      await createPost(ctx, {
        id: await newId(sql, 'post'),
        authorId: plan.author.memberId,
        text: plan.text,
        images: plan.images,
        section: 'recommend',
      })
    }
  })
}

/** A post with `count` comments: every tenth is a reply to the comment before it. Answers the post's id. */
export async function seedCommentedPost(call: Call, authors: readonly Author[], count: number): Promise<string> {
  const random = sequence(7)
  const [first] = authors
  if (!first) throw new Error('no authors')
  const post = await call('POST', '/posts', {
    token: first.token,
    body: { text: '评论很多的一篇：大家来聊聊你最近的好物', images: first.images.slice(0, 3) },
    key: 'bench-commented-post',
  })
  const postId = String(post.json.id)
  let lastTopLevel: string | undefined
  for (let index = 0; index < count; index += 1) {
    const author = authors[index % authors.length] as Author
    const isReply = index % 10 === 9 && lastTopLevel !== undefined
    const phrases = 1 + Math.floor(random() * 6)
    const text = Array.from({ length: phrases }, () => PHRASES[Math.floor(random() * PHRASES.length)])
      .join('')
      .slice(0, 300)
    const answer = await call('POST', `/posts/${postId}/comments`, {
      token: author.token,
      body: { text: `${index} ${text}`, replyTo: isReply ? lastTopLevel : undefined },
      key: `bench-comment-${index}`,
    })
    if (answer.status !== 201) throw new Error(`comment ${index}: ${answer.status} ${JSON.stringify(answer.json)}`)
    if (!isReply) lastTopLevel = String(answer.json.id)
  }
  return postId
}
