import * as v from 'valibot'
import { CommissionPage, DistributionStatus, SignedIn } from '../../src/contract/all'
import type { Commission } from '../../src/contract/all'
import { apiCaller, createTestApp } from '../support/test-server'

// 佣金明细 says how each buyer came to pay the KOL (domain-rules.md, Distribution: the KOL sees where each fan came
// from): a fan bound to them (first touch) and through what, or a buyer who came through their link or 分享赚 post while
// bound to nobody who could earn; and at level 2, which of their fans earned level 1.

const START = Date.parse('2030-05-10T10:00:00+08:00')

const setUp = async () => {
  const { app, db } = await createTestApp({
    realNow: () => START,
    config: (config) => ({ ...config, distribution: { ...config.distribution, commissionLevels: 2 } }),
  })
  const call = apiCaller(app)
  const signIn = async (phone: string, ref?: { ref: string; refSource?: string }) =>
    v.parse(SignedIn, (await call('POST', '/auth/phone', { body: { phone, smsCode: '123456', ...ref } })).body)
  const distribute = async (token: string) =>
    v.parse(
      DistributionStatus,
      (await call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })).body,
    ).referralCode ?? ''
  const buy = async (token: string, via: { ref?: string; postId?: string } = {}) => {
    const response = await call('POST', '/orders', { token, body: { productId: 'p-serum', ...via } })
    expect(response.status).toBe(201)
    return response.body.id as string
  }
  const originOf = async (token: string, orderId: string): Promise<Commission['origin']> => {
    const page = v.parse(CommissionPage, (await call('GET', '/distribution/commissions?limit=50', { token })).body)
    const row = page.items.find((item) => item.orderId === orderId)
    expect(row).toBeDefined()
    return row?.origin
  }
  return { call, signIn, distribute, buy, originOf, db }
}

describe('佣金明细: how the buyer came to pay the KOL', () => {
  it('names a fan and their source, a buyer through a link or a post, and the fan who earned level 1', async () => {
    const { call, signIn, distribute, buy, originOf } = await setUp()
    const kol = await signIn('13933330001')
    const kolCode = await distribute(kol.token)
    const draft = await call('POST', '/posts', {
      token: kol.token,
      body: { text: '这瓶精华我回购了三次', productId: 'p-serum' },
    })
    expect(draft.status).toBe(201)
    const postId = draft.body.id as string

    // A fan through the card, who distributes too: their fan's order pays the KOL level 2.
    const team = await signIn('13933330002', { ref: kolCode, refSource: 'card' })
    const teamCode = await distribute(team.token)
    const teamFan = await signIn('13933330003', { ref: teamCode })
    const teamOrder = await buy(teamFan.token)
    expect(await originOf(team.token, teamOrder)).toEqual({
      kind: 'fan',
      source: 'link',
      post: null,
      downlineNickname: null,
    })
    expect(await originOf(kol.token, teamOrder)).toEqual({
      kind: 'downline',
      source: null,
      post: null,
      downlineNickname: team.member.nickname,
    })

    // A visitor bound to nobody who buys through the post becomes a fan through it (first touch).
    const reader = await signIn('13933330004')
    const readerOrder = await buy(reader.token, { postId })
    expect(await originOf(kol.token, readerOrder)).toEqual({
      kind: 'fan',
      source: 'post',
      post: { id: postId, excerpt: '这瓶精华我回购了三次', isDeleted: false },
      downlineNickname: null,
    })

    // Members bound to the other KOL whose protection is over: their orders through this KOL's link or post pay
    // this KOL, who sees which.
    const viaLink = await signIn('13933330005', { ref: teamCode })
    const viaPost = await signIn('13933330006', { ref: teamCode })
    expect((await call('POST', '/__mock/clock', { body: { advanceDays: 31 } })).status).toBe(200)
    const linkOrder = await buy(viaLink.token, { ref: kolCode })
    const postOrder = await buy(viaPost.token, { postId })
    expect(await originOf(kol.token, linkOrder)).toEqual({
      kind: 'link',
      source: null,
      post: null,
      downlineNickname: null,
    })
    expect(await originOf(kol.token, postOrder)).toEqual({
      kind: 'post',
      source: null,
      post: { id: postId, excerpt: '这瓶精华我回购了三次', isDeleted: false },
      downlineNickname: null,
    })

    // A deleted post is named as such, without its words, as 我的粉丝 names it.
    expect((await call('DELETE', `/posts/${postId}`, { token: kol.token })).status).toBe(200)
    expect((await originOf(kol.token, postOrder))?.post).toEqual({ id: postId, excerpt: '', isDeleted: true })
  })
})

describe('佣金明细 a page at a time', () => {
  it('reads only the page asked for (with its origins), not every commission the KOL ever earned', async () => {
    const { call, signIn, distribute, buy, db } = await setUp()
    const kol = await signIn('13933330011')
    const code = await distribute(kol.token)
    const orders: string[] = []
    for (const phone of ['13933330012', '13933330013', '13933330014', '13933330015'])
      orders.push(await buy((await signIn(phone, { ref: code })).token))
    // Every row the commission list's query hands back, counted as the database answers them.
    const read: number[] = []
    const transaction = db.transaction
    db.transaction = (work) =>
      transaction((sql) =>
        work({
          ...sql,
          query: async (text, params) => {
            const rows = await sql.query(text, params)
            if (text.includes('"downlineNickname"')) read.push(rows.length)
            return rows as never
          },
        }),
      )
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: v.InferOutput<typeof CommissionPage> = v.parse(
        CommissionPage,
        (
          await call('GET', `/distribution/commissions?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
            token: kol.token,
          })
        ).body,
      )
      seen.push(...page.items.map((item) => item.orderId))
      cursor = page.nextCursor
    } while (cursor !== null)
    // Newest first, each once, and never more than a page and the one row that says another follows.
    expect(seen).toEqual([...orders].reverse())
    expect(read.length).toBeGreaterThan(0)
    expect(Math.max(...read)).toBeLessThanOrEqual(3)
    read.length = 0
    const settled = v.parse(
      CommissionPage,
      (await call('GET', '/distribution/commissions?status=settled', { token: kol.token })).body,
    )
    expect(settled.items).toEqual([])
    expect(read).toEqual([0])
  })
})
