// A NUL character in an id, a code or a filter (PostgreSQL's text cannot hold one) is bad input: 400 with the
// field, never a 500 from the database. Typed text refuses it through PlainText already; these are the rest.
import { createApiClient, expectError, newKey, signUp } from './support/client'
import { becomeDistributor } from './support/distribution'

const api = createApiClient()

describe('a NUL in an id or a filter is 400 VALIDATION_FAILED, not 500', () => {
  it('the feed filtered by a topic with a NUL (public)', async () => {
    const body = expectError(await api.request('GET', '/posts?topic=a%00b'), 400, 'VALIDATION_FAILED')
    expect(body.error.details?.fields).toEqual({ topic: expect.any(String) })
  })

  it('writes that carry a post, product or comment id', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const fan = await signUp(api)
    const post = async (path: string, body: unknown, token = fan.token) =>
      api.request('POST', path, { token, body, idempotencyKey: newKey() })
    const cases: [string, unknown, string][] = [
      ['/distribution/arrivals', { code, source: 'post', postId: 'post-\u0000' }, 'postId'],
      ['/orders', { productId: 'p-cleanser', postId: 'post-\u0000' }, 'postId'],
      ['/orders', { productId: 'p-\u0000' }, 'productId'],
      ['/posts', { text: 'hi', productId: 'p-\u0000' }, 'productId'],
    ]
    for (const [path, body, field] of cases) {
      const error = expectError(await post(path, body), 400, 'VALIDATION_FAILED')
      expect(Object.keys(error.error.details?.fields as object)).toEqual([field])
    }
    const created = await post('/posts', { text: '一条笔记' })
    expect(created.status).toBe(201)
    const postId = (created.body as { id: string }).id
    const reply = expectError(
      await post(`/posts/${postId}/comments`, { text: '回复', replyTo: 'c-\u0000' }),
      400,
      'VALIDATION_FAILED',
    )
    expect(reply.error.details?.fields).toEqual({ replyTo: expect.any(String) })
  })
})
