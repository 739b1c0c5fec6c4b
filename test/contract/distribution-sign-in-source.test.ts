import { FanPage } from '../../src/contract/all'
import { createApiClient, expectShape, signUp } from './support/client'
import { becomeDistributor } from './support/distribution'

// domain-rules.md (Distribution): the KOL sees where each fan came from. A sign-in that says it came through a post
// but names none (an old link, a capture that lost the id) came through the code alone: 笔记 without a post would
// say "a post" and name nothing, and would count for no post in 笔记带来的粉丝.

const api = createApiClient()

const randomPhone = () => `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

describe('sign-in from a post that names no post', () => {
  it('binds as a link, not as 笔记 without a post (the same terms as an arrival)', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const response = await api.request('POST', '/auth/phone', {
      body: { phone: randomPhone(), smsCode: '123456', ref: code, refSource: 'post' },
    })
    expect(response.status).toBe(200)
    const fan = response.body as { member: { id: string } }
    const fans = expectShape(
      FanPage,
      (await api.request('GET', '/distribution/fans?limit=50', { token: kol.token })).body,
    )
    expect(fans.items.find((item) => item.member.id === fan.member.id)).toMatchObject({ source: 'link', post: null })
  })
})
