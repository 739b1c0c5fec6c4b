import { Post } from '../../src/contract/all'
import { createApiClient, expectShape, newKey, signUp } from './support/client'
import { createPost } from './support/community'
import { becomeDistributor, fansOf } from './support/distribution'

// 我的粉丝 names the 分享赚 post a fan came through (domain-rules.md: the KOL sees where each fan came from, and a KOL
// who writes many posts wants to know which ones bring fans): its id and first words, or that it has been deleted.

const api = createApiClient()

const randomPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

/** A visitor who opened the post and signs up from it (the post's share carries `ref` and `postId`). */
const signUpFromPost = async (code: string, postId: string) => {
  const response = await api.request('POST', '/auth/phone', {
    body: { phone: randomPhone(), smsCode: '123456', ref: code, refSource: 'post', refPostId: postId },
  })
  expect(response.status).toBe(200)
  return (response.body as { member: { id: string } }).member.id
}

describe('GET /distribution/fans: the post that brought each fan', () => {
  it('names a live post by its first words, a deleted one as deleted, and none for a fan through a link', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const longText = '回购三次的精华\n\n真的好用，  油皮也不闷痘，夏天一整瓶都用完了，推荐给大家'
    const live = expectShape(Post, (await createPost(api, kol.token, { text: longText, productId: 'p-serum' })).body)
    const gone = expectShape(
      Post,
      (await createPost(api, kol.token, { text: '防晒分享', productId: 'p-sunscreen' })).body,
    )

    const throughLive = await signUpFromPost(code, live.id)
    const throughGone = await signUpFromPost(code, gone.id)
    // A signed-in member arriving through the post is named the same way as one signing up from it.
    const arriving = await signUp(api)
    const arrived = await api.request('POST', '/distribution/arrivals', {
      token: arriving.token,
      body: { code, source: 'post', postId: live.id },
      idempotencyKey: newKey(),
    })
    expect(arrived.body).toMatchObject({ isBound: true })
    const throughLink = (await signUp(api, { ref: code })).member.id

    expect(
      (await api.request('DELETE', `/posts/${gone.id}`, { token: kol.token, idempotencyKey: newKey() })).status,
    ).toBeLessThan(300)

    const fans = Object.fromEntries((await fansOf(api, kol.token)).map((fan) => [fan.member.id, fan]))
    // Line breaks and runs of spaces read as one space; cut at 20 characters with an ellipsis.
    const liveLine = { id: live.id, excerpt: '回购三次的精华 真的好用， 油皮也不闷痘…', isDeleted: false }
    expect(fans[throughLive]).toMatchObject({ source: 'post', post: liveLine })
    expect(fans[arriving.member.id]).toMatchObject({ source: 'post', post: liveLine })
    // Deleted since: the fan stays, the post is named as gone and its words are no longer answered.
    expect(fans[throughGone]).toMatchObject({ source: 'post', post: { id: gone.id, excerpt: '', isDeleted: true } })
    expect(fans[throughLink]).toMatchObject({ source: 'link', post: null })
  })

  it('answers a short text whole, and null for a post that was not taken (another KOL’s post binds as a link)', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const short = expectShape(
      Post,
      (await createPost(api, kol.token, { text: '  精华分享 ', productId: 'p-serum' })).body,
    )
    const other = await signUp(api)
    await becomeDistributor(api, other.token)
    const theirs = expectShape(
      Post,
      (await createPost(api, other.token, { text: '别人的', productId: 'p-serum' })).body,
    )

    const throughShort = await signUpFromPost(code, short.id)
    const throughTheirs = await signUpFromPost(code, theirs.id)
    const fans = Object.fromEntries((await fansOf(api, kol.token)).map((fan) => [fan.member.id, fan]))
    expect(fans[throughShort]?.post).toEqual({ id: short.id, excerpt: '精华分享', isDeleted: false })
    expect(fans[throughTheirs]).toMatchObject({ source: 'link', post: null })
  })
})
