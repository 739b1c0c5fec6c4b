import {
  ArrivalPage,
  ArrivalResult,
  Certificate,
  CertificatePage,
  DistributionOverview,
  Me,
  ReferralCard,
} from './support/distribution-schemas'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, newKey, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { createPost } from './support/community'
import { becomeDistributor, buy, commissionsOf, fansOf } from './support/distribution'
import { meOf, tasksOf } from './support/membership'

const api = createApiClient()
// The protection window (30 days) runs out by the mock clock in one of these.
lockMockClock(api)

const arrivalsOf = async (token: string) =>
  expectShape(ArrivalPage, (await api.request('GET', '/distribution/arrivals?limit=50', { token })).body).items

const arrive = async (token: string, code: string, source: string) => {
  const response = await api.request('POST', '/distribution/arrivals', {
    token,
    body: { code, source },
    idempotencyKey: newKey(),
  })
  expect(response.status).toBe(200)
  return expectShape(ArrivalResult, response.body)
}

const newKol = async () => {
  const kol = await signUp(api)
  return { ...kol, code: await becomeDistributor(api, kol.token) }
}

describeWithMockRoutes('binding a fan to a KOL (first touch)', () => {
  it('a new member signing in with a KOL code is bound and appears in the fans with the source', async () => {
    const kol = await newKol()
    const fan = await signUp(api, { ref: kol.code })
    const viaCard = await signUp(api)
    // Signed in first, then the card: the app reports the arrival.
    expect(await arrive(viaCard.token, kol.code, 'card')).toMatchObject({ isBound: true, reason: null })
    const fans = await fansOf(api, kol.token)
    expect(fans.map((item) => [item.member.id, item.source, item.isProtected]).sort()).toEqual(
      [
        [fan.member.id, 'link', true],
        [viaCard.member.id, 'card', true],
      ].sort(),
    )
    const bound = fans.find((item) => item.member.id === fan.member.id)
    expect(Date.parse(bound?.protectedUntil ?? '') - Date.parse(bound?.boundAt ?? '')).toBe(30 * 24 * 60 * 60 * 1000)
  })

  it('the mini-program code (scene) and a typed code bind with their own source', async () => {
    const kol = await newKol()
    const byScene = await signUp(api)
    const byCode = await signUp(api)
    await api.request('POST', '/auth/phone', {
      body: { phone: byScene.phone, smsCode: '123456', ref: kol.code, refSource: 'scene' },
    })
    await arrive(byCode.token, kol.code.toLowerCase(), 'code')
    const sources = Object.fromEntries((await fansOf(api, kol.token)).map((item) => [item.member.id, item.source]))
    expect(sources).toEqual({ [byScene.member.id]: 'scene', [byCode.member.id]: 'code' })
  })

  it('a second code later does not re-bind; the second KOL sees the arrival as already bound', async () => {
    const first = await newKol()
    const second = await newKol()
    const fan = await signUp(api, { ref: first.code })
    const result = await arrive(fan.token, second.code, 'link')
    expect(result).toMatchObject({
      isBound: false,
      reason: 'already_bound',
      distributor: { nickname: first.member.nickname },
    })
    expect(await fansOf(api, second.token)).toEqual([])
    expect((await fansOf(api, first.token)).map((item) => item.member.id)).toEqual([fan.member.id])
    expect((await arrivalsOf(second.token)).map((item) => [item.member.id, item.reason, item.source])).toEqual([
      [fan.member.id, 'already_bound', 'link'],
    ])
    // The fan coming back through their own KOL's link is no lost arrival: the first KOL's list stays empty.
    expect(await arrive(fan.token, first.code, 'link')).toMatchObject({ isBound: false, reason: 'already_bound' })
    expect(await arrivalsOf(first.token)).toEqual([])
    // Signing in again with the second code changes nothing either.
    await api.request('POST', '/auth/phone', { body: { phone: fan.phone, smsCode: '123456', ref: second.code } })
    expect(await fansOf(api, second.token)).toEqual([])
  })

  it('an arrival is one request per opening: a retry with its key records once, repeats the same day add no row', async () => {
    const first = await newKol()
    const second = await newKol()
    const fan = await signUp(api, { ref: first.code })
    // Through the second KOL's 分享赚 post (an arrival names a post only when it is theirs and still up).
    const post = (await createPost(api, second.token, { text: '精华分享', productId: 'p-serum' })).body as {
      id: string
    }
    const body = { code: second.code, source: 'post', postId: post.id }
    const missing = await api.request('POST', '/distribution/arrivals', { token: fan.token, body })
    expectError(missing, 400, 'IDEMPOTENCY_KEY_REQUIRED')
    const key = newKey()
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        api.request('POST', '/distribution/arrivals', { token: fan.token, body, idempotencyKey: key }),
      ),
    )
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual(answers[0]?.body)
    }
    expect((await arrivalsOf(second.token)).map((item) => [item.reason, item.source])).toEqual([
      ['already_bound', 'post'],
    ])
    // Opening the link again the same day (a new key each time) adds no row: a member cannot bury the KOL's list.
    for (let index = 0; index < 5; index += 1) {
      const again = await api.request('POST', '/distribution/arrivals', {
        token: fan.token,
        body,
        idempotencyKey: newKey(),
      })
      expect(again.body).toEqual(answers[0]?.body)
    }
    expect(await arrivalsOf(second.token)).toHaveLength(1)
    // Another way in the same day (a card) is its own row; the next business day the link is seen again.
    await arrive(fan.token, second.code, 'card')
    await advanceClock(api, { advanceDays: 1 })
    await api.request('POST', '/distribution/arrivals', { token: fan.token, body, idempotencyKey: newKey() })
    expect((await arrivalsOf(second.token)).map((item) => [item.reason, item.source])).toEqual([
      ['already_bound', 'post'],
      ['already_bound', 'card'],
      ['already_bound', 'post'],
    ])
  })

  it("a KOL's own code binds nothing and earns nothing on their own order", async () => {
    const kol = await newKol()
    expect(await arrive(kol.token, kol.code, 'card')).toMatchObject({ isBound: false, reason: 'own_code' })
    const order = await buy(api, kol.token, { productId: 'p-serum', ref: kol.code })
    expect(order.status).toBe('paid')
    expect(await commissionsOf(api, kol.token)).toEqual([])
    const overview = expectShape(
      DistributionOverview,
      (await api.request('GET', '/distribution/overview', { token: kol.token })).body,
    )
    expect(overview.commission).toMatchObject({ pendingFen: 0, settledFen: 0, todayFen: 0 })
    expect((await arrivalsOf(kol.token)).map((item) => item.reason)).toEqual(['own_code', 'own_code'])
    expect(await fansOf(api, kol.token)).toEqual([])
  })

  it('a cycle is refused: a KOL cannot be bound to their own fan (nor to a fan of a fan)', async () => {
    const top = await newKol()
    const middle = await signUp(api, { ref: top.code })
    const middleCode = await becomeDistributor(api, middle.token)
    const bottom = await signUp(api, { ref: middleCode })
    const bottomCode = await becomeDistributor(api, bottom.token)
    // The top KOL, unbound, arrives through their fan's and their fan's fan's codes.
    expect(await arrive(top.token, middleCode, 'link')).toMatchObject({ isBound: false, reason: 'cycle' })
    expect(await arrive(top.token, bottomCode, 'card')).toMatchObject({ isBound: false, reason: 'cycle' })
    expect(await fansOf(api, middle.token)).toHaveLength(1)
    expect((await arrivalsOf(middle.token)).map((item) => [item.member.id, item.reason])).toEqual([
      [top.member.id, 'cycle'],
    ])
    // Their orders through those links pay nobody in the loop.
    await buy(api, top.token, { productId: 'p-cleanser', ref: bottomCode })
    expect(await commissionsOf(api, bottom.token)).toEqual([])
    expect(await commissionsOf(api, middle.token)).toEqual([])
  })

  it('an unknown code binds nothing and fails nothing', async () => {
    const member = await signUp(api, { ref: 'ZZZZ9999' })
    expect(await arrive(member.token, 'NOPE1234', 'link')).toEqual({
      isBound: false,
      reason: 'unknown_code',
      distributor: null,
    })
    const me = expectShape(Me, (await api.request('GET', '/me', { token: member.token })).body)
    expect(me.isDistributor).toBe(false)
  })

  it('after the protection window the fan is not re-bound (window over), and a later link earns its KOL', async () => {
    const first = await newKol()
    const second = await newKol()
    const fan = await signUp(api, { ref: first.code })
    await advanceClock(api, { advanceDays: 31 })
    const [bound] = await fansOf(api, first.token)
    expect(bound).toMatchObject({ member: { id: fan.member.id }, isProtected: false })
    expect(await arrive(fan.token, second.code, 'post')).toMatchObject({ isBound: false, reason: 'window_over' })
    expect((await arrivalsOf(second.token)).map((item) => item.reason)).toEqual(['window_over'])
    // Protection over: the order through the second KOL's link pays the second KOL, not the first.
    const order = await buy(api, fan.token, { productId: 'p-cleanser', ref: second.code })
    expect((await commissionsOf(api, second.token)).map((item) => item.orderId)).toEqual([order.id])
    expect(await commissionsOf(api, first.token)).toEqual([])
  })

  it('a fan whose protection ended, back through their own KOL code, is still that KOL fan, not a lost arrival', async () => {
    const kol = await newKol()
    const fan = await signUp(api, { ref: kol.code })
    await advanceClock(api, { advanceDays: 31 })
    await arrive(fan.token, kol.code, 'card')
    expect((await fansOf(api, kol.token)).map((item) => [item.member.id, item.isProtected])).toEqual([
      [fan.member.id, false],
    ])
    expect(await arrivalsOf(kol.token)).toEqual([])
    // And an order through that code still pays the KOL.
    const order = await buy(api, fan.token, { productId: 'p-cleanser', ref: kol.code })
    expect((await commissionsOf(api, kol.token)).map((item) => item.orderId)).toEqual([order.id])
  })

  it('inside the window the bound KOL earns on an order through another KOL link (first touch)', async () => {
    const first = await newKol()
    const second = await newKol()
    const fan = await signUp(api, { ref: first.code })
    const order = await buy(api, fan.token, { productId: 'p-serum', ref: second.code })
    expect((await commissionsOf(api, first.token)).map((item) => [item.orderId, item.amountFen])).toEqual([
      [order.id, Math.floor(order.amountFen / 10)],
    ])
    expect(await commissionsOf(api, second.token)).toEqual([])
  })

  it('a member who is not a distributor has no fans list, card or overview (403 NOT_DISTRIBUTOR)', async () => {
    const member = await signUp(api)
    for (const path of ['/distribution/fans', '/distribution/arrivals', '/distribution/card', '/distribution/overview'])
      expectError(await api.request('GET', path, { token: member.token }), 403, 'NOT_DISTRIBUTOR')
  })

  it('the invite task completes when a friend registers through the code, not when an existing member arrives', async () => {
    const kol = await newKol()
    const inviteTask = async () => (await tasksOf(api, kol.token)).find((task) => task.action === 'invite')
    const existing = await signUp(api)
    expect(await arrive(existing.token, kol.code, 'card')).toMatchObject({ isBound: true })
    expect(await inviteTask()).toMatchObject({ isDone: false, progress: 0 })
    // Looking at the card (the act of sharing) pays nothing.
    const before = (await meOf(api, kol.token)).pointsBalance
    await api.request('GET', '/distribution/card', { token: kol.token })
    expect((await meOf(api, kol.token)).pointsBalance).toBe(before)
    await signUp(api, { ref: kol.code })
    const task = await inviteTask()
    expect(task).toMatchObject({ isDone: true })
    expect((await meOf(api, kol.token)).pointsBalance).toBe(before + (task?.rewardPoints ?? 0))
  })

  it("two KOLs arriving through each other's codes at once: at most one binds, never a loop", async () => {
    const pairs = await Promise.all(Array.from({ length: 12 }, async () => [await newKol(), await newKol()] as const))
    const results = await Promise.all(
      pairs.map(([a, b]) => Promise.all([arrive(a.token, b.code, 'link'), arrive(b.token, a.code, 'link')])),
    )
    for (const [ab, ba] of results) {
      expect([ab.isBound, ba.isBound].filter(Boolean)).toHaveLength(1)
      expect([ab.reason, ba.reason].filter((reason) => reason !== null)).toEqual(['cycle'])
    }
  })

  it('a KOL level reached by fans brings a certificate anyone can verify', async () => {
    const kol = await newKol()
    for (let fan = 0; fan < 10; fan += 1) await signUp(api, { ref: kol.code })
    const overview = await api.request('GET', '/distribution/overview', { token: kol.token })
    expect(expectShape(DistributionOverview, overview.body)).toMatchObject({
      fanCount: 10,
      kolLevel: { current: { code: 'K1' }, next: { code: 'K2', minFans: 50 }, fansToNext: 40 },
    })
    const mine = expectShape(CertificatePage, (await api.request('GET', '/certificates', { token: kol.token })).body)
    const certificate = mine.items.find((item) => item.kind === 'kol_level')
    expect(certificate).toMatchObject({ holderNickname: kol.member.nickname, valid: true })
    expect(certificate?.title).toContain('K1')
    const verified = await api.request('GET', `/certificates/${certificate?.code ?? 'none'}`)
    expect(expectShape(Certificate, verified.body)).toEqual(certificate)
    const card = expectShape(ReferralCard, (await api.request('GET', '/distribution/card', { token: kol.token })).body)
    expect(card.kolLevel?.code).toBe('K1')
  })

  it("a KOL level's certificate runs for a year, then a new one (its own code) while the KOL still holds the level", async () => {
    const kol = await newKol()
    for (let fan = 0; fan < 10; fan += 1) await signUp(api, { ref: kol.code })
    const kolCertificates = async () =>
      expectShape(CertificatePage, (await api.request('GET', '/certificates', { token: kol.token })).body).items.filter(
        (item) => item.kind === 'kol_level',
      )
    const [first] = await kolCertificates()
    expect(first).toMatchObject({ valid: true })
    // Read again the same year: no second one.
    expect(await kolCertificates()).toHaveLength(1)
    await advanceClock(api, { advanceDays: 366 })
    const later = await kolCertificates()
    expect(later).toHaveLength(2)
    const renewed = later.find((item) => item.code !== first?.code)
    expect(renewed).toMatchObject({ valid: true, title: first?.title })
    // The first one is still verifiable, as expired.
    const old = await api.request('GET', `/certificates/${first?.code ?? 'none'}`)
    expect(expectShape(Certificate, old.body)).toMatchObject({ valid: false })
  })
})
