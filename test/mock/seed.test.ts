import * as v from 'valibot'
import { ReferralCode } from '../../src/contract'
import { expiringSoon, sumLedger } from '../../mock/domain/ledger'
import { levelCodeForGrowth } from '../../mock/domain/levels'
import { redemptionStateAt } from '../../mock/domain/redemptions'
import { addDays, businessDay } from '../../mock/domain/time'
import { PERSONAS } from '../../mock/personas'
import { createSeedState, SEED_MEMBERS, SEED_REFERRAL_CODES } from '../../mock/seed'
import { MockState } from '../../mock/state'

const NOWS = [
  ['an ordinary afternoon', '2026-11-23T15:00:00+08:00'],
  ['a second before midnight in Shanghai', '2026-11-23T23:59:59+08:00'],
  ['midnight in Shanghai', '2026-11-24T00:00:00+08:00'],
  ['New Year', '2027-01-01T00:30:00+08:00'],
  ['a leap day', '2028-02-29T09:00:00+08:00'],
] as const

describe.each(NOWS)('the seed at %s', (_label, iso) => {
  const now = Date.parse(iso)
  const state = createSeedState(now)
  const timeZone = state.config.timeZone
  const today = businessDay(now, timeZone)
  const ledgerOf = (memberId: string) => state.ledger.filter((entry) => entry.memberId === memberId)
  const member = (id: string) => state.members.find((candidate) => candidate.id === id)

  it('is a valid state, the same for the same instant', () => {
    expect(v.safeParse(MockState, state).success).toBe(true)
    expect(createSeedState(now)).toEqual(state)
    expect(v.parse(MockState, JSON.parse(JSON.stringify(state)))).toEqual(state)
  })

  it('has every persona, each a distinct member', () => {
    const ids = PERSONAS.map((persona) => persona.memberId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(member(id)).toBeDefined()
  })

  it('new member: V1, nothing in the ledger', () => {
    expect(member(SEED_MEMBERS.newMember)?.growth).toBe(0)
    expect(ledgerOf(SEED_MEMBERS.newMember)).toEqual([])
  })

  it('streak persona: V2, checked in on the five business days before today and not today', () => {
    const streaker = member(SEED_MEMBERS.streak)
    expect(levelCodeForGrowth(streaker?.growth ?? 0, state.config.levels)).toBe('V2')
    const days = state.checkins
      .filter((checkin) => checkin.memberId === SEED_MEMBERS.streak)
      .map((checkin) => checkin.date)
    expect(days).toEqual([5, 4, 3, 2, 1].map((back) => addDays(today, -back)))
    const rewards = ledgerOf(SEED_MEMBERS.streak)
      .filter((entry) => entry.type === 'checkin')
      .map((entry) => entry.delta)
    expect(rewards).toEqual([5, 5, 15, 5, 5])
    for (const entry of ledgerOf(SEED_MEMBERS.streak).filter((candidate) => candidate.type === 'checkin')) {
      expect(Date.parse(entry.createdAt)).toBeLessThan(now)
    }
  })

  it('expiring persona: some points expire within 30 days', () => {
    const soon = expiringSoon(ledgerOf(SEED_MEMBERS.expiring), now, state.config.points.expiringSoonDays, timeZone)
    expect(soon).toEqual({ points: 800, on: addDays(today, 20) })
  })

  it('points mall: every kind open to V1 (cheap ones and some over 5,000), few left, sold out, higher levels', () => {
    const gift = (id: string) => state.gifts.find((candidate) => candidate.id === id)
    expect(gift('gift-tote')).toMatchObject({ kind: 'physical', minLevel: 'V1', pointsCost: 300 })
    expect(gift('gift-ebook')).toMatchObject({ kind: 'virtual', minLevel: 'V1' })
    expect(gift('gift-coupon-5')).toMatchObject({ kind: 'coupon', minLevel: 'V1' })
    expect(gift('gift-earbuds')).toMatchObject({ kind: 'physical', minLevel: 'V1', stock: 8 })
    expect(gift('gift-badge')).toMatchObject({ minLevel: 'V1', stock: 0 })
    expect(gift('gift-serum-full')?.minLevel).toBe('V3')
    const forV1 = state.gifts.filter((candidate) => candidate.minLevel === 'V1' && candidate.stock > 0)
    expect(new Set(forV1.map((candidate) => candidate.kind))).toEqual(new Set(['physical', 'virtual', 'coupon']))
    expect(forV1.some((candidate) => candidate.pointsCost > 5000)).toBe(true)
  })

  it('KOL persona: a redemption in every state, paid for in the ledger, with a default address', () => {
    const mine = state.redemptions.filter((redemption) => redemption.memberId === SEED_MEMBERS.kol)
    expect(new Set(mine.map((redemption) => redemptionStateAt(redemption, now).status))).toEqual(
      new Set(['pending_shipment', 'shipped', 'completed', 'cancelled']),
    )
    const ledger = ledgerOf(SEED_MEMBERS.kol)
    for (const redemption of mine) {
      expect(ledger.filter((entry) => entry.refId === redemption.id).reduce((sum, entry) => sum + entry.delta, 0)).toBe(
        redemption.cancelledAt === null ? -redemption.pointsSpent : 0,
      )
      expect(Date.parse(redemption.createdAt)).toBeLessThan(now)
    }
    expect(sumLedger(ledger)).toBe(2680)
    const addresses = state.addresses.filter((address) => address.memberId === SEED_MEMBERS.kol)
    expect(addresses.filter((address) => address.isDefault)).toHaveLength(1)
  })

  it('KOL persona: a V4 distributor with fans, pending and settled commission', () => {
    const kol = member(SEED_MEMBERS.kol)
    expect(kol).toMatchObject({ isDistributor: true, referralCode: SEED_REFERRAL_CODES.kol })
    expect(levelCodeForGrowth(kol?.growth ?? 0, state.config.levels)).toBe('V4')
    expect(
      state.bindings.filter((binding) => binding.distributorId === SEED_MEMBERS.kol).length,
    ).toBeGreaterThanOrEqual(10)
    const commissions = state.commissions.filter((commission) => commission.distributorId === SEED_MEMBERS.kol)
    const pending = commissions.filter((commission) => commission.status === 'pending')
    expect(pending.length).toBeGreaterThan(0)
    for (const commission of pending) expect(Date.parse(commission.settlesAt)).toBeGreaterThan(now)
    for (const commission of commissions.filter((candidate) => candidate.status === 'settled'))
      expect(Date.parse(commission.settlesAt)).toBeLessThanOrEqual(now)
    for (const commission of commissions) {
      const order = state.orders.find((candidate) => candidate.id === commission.orderId)
      expect(commission.amountFen).toBe(
        Math.floor(((order?.amountFen ?? 0) * state.config.distribution.commissionRateBps) / 10000),
      )
      expect(commission.status === 'reversed').toBe(order?.status === 'refunded')
    }
  })

  it('keeps every balance non-negative and the referral graph free of self-binding and loops', () => {
    for (const seeded of state.members) expect(sumLedger(ledgerOf(seeded.id))).toBeGreaterThanOrEqual(0)
    for (const binding of state.bindings) {
      expect(binding.memberId).not.toBe(binding.distributorId)
      let current: string | undefined = binding.distributorId
      for (let hops = 0; current !== undefined; hops += 1) {
        expect(current).not.toBe(binding.memberId)
        expect(hops).toBeLessThan(state.members.length)
        const upstream: string = current
        current = state.bindings.find((candidate) => candidate.memberId === upstream)?.distributorId
      }
    }
  })

  it('refers to things that exist', () => {
    const categoryIds = new Set(state.giftCategories.map((category) => category.id))
    for (const gift of state.gifts) expect(categoryIds).toContain(gift.category)
    const memberIds = new Set(state.members.map((candidate) => candidate.id))
    for (const post of state.posts) expect(memberIds).toContain(post.authorId)
    const topicNames = new Set(state.topics.map((topic) => topic.name))
    for (const post of state.posts) if (post.topic !== null) expect(topicNames).toContain(post.topic)
    expect(state.posts.filter((post) => post.isPinned)).toHaveLength(1)
    for (const distributor of state.members.filter((candidate) => candidate.isDistributor)) {
      expect(v.is(ReferralCode, distributor.referralCode)).toBe(true)
    }
    expect(new Set(state.gifts.map((gift) => gift.id)).size).toBe(state.gifts.length)
    expect(new Set(state.members.map((candidate) => candidate.phone).filter(Boolean)).size).toBe(
      state.members.filter((candidate) => candidate.phone).length,
    )
  })
})
