import * as v from 'valibot'
import { Gift, page, RedemptionPage, ReferralCode, SignedIn } from '../../src/contract/all'
import type { LedgerLine } from '../../mock/modules/points/rules'
import { expiringSoon, remainingLots, sumLedger } from '../../mock/modules/points/rules'
import { levelCodeForGrowth } from '../../mock/modules/membership/rules'
import { redemptionStateAt } from '../../mock/modules/mall/rules'
import { addDays, businessDay } from '../../mock/platform/time'
import { MockMemberState } from '../../mock/preview/endpoints'
import { seedConfig } from '../../mock/seed/config'
import { PERSONAS, SEED_MEMBERS, SEED_REFERRAL_CODES } from '../../mock/seed/personas'
import type { ApiCall, TestApp } from '../support/test-server'
import { apiCaller, createTestApp } from '../support/test-server'

// What a fresh seed holds, read through the API and straight from its tables, at instants where the calendar is
// awkward (a second before midnight, New Year, a leap day).

const NOWS = [
  ['an ordinary afternoon', '2026-11-23T15:00:00+08:00'],
  ['a second before midnight in Shanghai', '2026-11-23T23:59:59+08:00'],
  ['midnight in Shanghai', '2026-11-24T00:00:00+08:00'],
  ['New Year', '2027-01-01T00:30:00+08:00'],
  ['a leap day', '2028-02-29T09:00:00+08:00'],
] as const

const config = seedConfig()
const timeZone = config.timeZone

// Timestamps come back from the driver as Dates of another realm (PGlite loads outside jest's sandbox): only their
// methods are used, never instanceof.
type EntryRow = {
  id: string
  delta: number
  type: string
  refId: string | null
  createdAt: Date
  expiresAt: Date | null
}

/** Tables the seed does not fill (sign-in state, answered requests) or that a reset keeps (clock, migrations). */
const UNSEEDED_TABLES = [
  'sessions',
  'sms_attempts',
  'wechat_codes',
  'idempotency_keys',
  'mock_clock',
  'fanloop_migrations',
]

describe.each(NOWS)('the seed at %s', (_label, iso) => {
  const now = Date.parse(iso)
  const today = businessDay(now, timeZone)
  let server: TestApp
  let call: ApiCall

  beforeAll(async () => {
    server = await createTestApp({ realNow: () => now })
    call = apiCaller(server.app)
  })
  const query = <Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> =>
    server.db.transaction((sql) => sql.query<Row>(text, params))
  const ledgerOf = (memberId: string) =>
    query<EntryRow>(
      `SELECT id, delta, type, ref_id AS "refId", created_at AS "createdAt", expires_at AS "expiresAt"
       FROM ledger_entries WHERE member_id = $1 ORDER BY position`,
      [memberId],
    )
  const linesOf = (entries: readonly EntryRow[]): LedgerLine[] =>
    entries.map((entry) => ({
      id: entry.id,
      delta: entry.delta,
      type: entry.type,
      refId: entry.refId,
      expiresAt: entry.expiresAt === null ? null : entry.expiresAt.toISOString(),
    }))
  const member = async (id: string) =>
    (
      await query<{ id: string; growth: number; isDistributor: boolean; referralCode: string | null }>(
        `SELECT id, growth, is_distributor AS "isDistributor", referral_code AS "referralCode" FROM members WHERE id = $1`,
        [id],
      )
    )[0]
  const signInAs = async (personaId: string) =>
    v.parse(SignedIn, (await call('POST', '/__mock/persona', { body: { id: personaId } })).body)

  it('seeds the same rows again for the same instant (ids included; only redemption codes are drawn at random)', async () => {
    // Every table, so one added later is covered too. Positions are identity columns, which a reset does not
    // rewind, and redemption codes are random: both are left out of the comparison.
    const dump = () =>
      server.db.transaction(async (sql) => {
        const tables = await sql.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
        )
        const rows: Record<string, unknown[]> = {}
        for (const { name } of tables.filter((table) => !UNSEEDED_TABLES.includes(table.name))) {
          const found = await sql.query<{ row: unknown }>(
            `SELECT to_jsonb(t) - 'position' - 'code' AS row FROM ${name} t
             ORDER BY (to_jsonb(t) - 'position' - 'code')::text`,
          )
          rows[name] = found.map(({ row }) => row)
        }
        return rows
      })
    const first = await dump()
    expect(first.members?.length).toBeGreaterThan(PERSONAS.length)
    expect((await call('POST', '/__mock/reset')).status).toBe(200)
    expect(await dump()).toEqual(first)
  })

  it('has every persona, each a distinct member that the API answers within its contract', async () => {
    const ids = PERSONAS.map((persona) => persona.memberId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const persona of PERSONAS) {
      const { token, member: signedIn } = await signInAs(persona.id)
      expect(signedIn.id).toBe(persona.memberId)
      const response = await call('GET', '/__mock/me', { token })
      expect(response.status).toBe(200)
      expect(v.safeParse(MockMemberState, response.body).success).toBe(true)
    }
  })

  it('new member: V1, nothing in the ledger', async () => {
    expect((await member(SEED_MEMBERS.newMember))?.growth).toBe(0)
    expect(await ledgerOf(SEED_MEMBERS.newMember)).toEqual([])
  })

  it('streak persona: V2, checked in on the five business days before today and not today', async () => {
    expect(levelCodeForGrowth((await member(SEED_MEMBERS.streak))?.growth ?? 0, config.levels)).toBe('V2')
    const days = await query<{ date: string }>(`SELECT date FROM checkins WHERE member_id = $1 ORDER BY date`, [
      SEED_MEMBERS.streak,
    ])
    expect(days.map(({ date }) => date)).toEqual([5, 4, 3, 2, 1].map((back) => addDays(today, -back)))
    const checkins = (await ledgerOf(SEED_MEMBERS.streak)).filter((entry) => entry.type === 'checkin')
    expect(checkins.map((entry) => entry.delta)).toEqual([5, 5, 15, 5, 5])
    for (const entry of checkins) expect(entry.createdAt.getTime()).toBeLessThan(now)
  })

  it('expiring persona: some points expire within 30 days', async () => {
    const lines = linesOf(await ledgerOf(SEED_MEMBERS.expiring))
    expect(expiringSoon(lines, now, config.points.expiringSoonDays, timeZone)).toEqual({
      points: 800,
      on: addDays(today, 20),
    })
  })

  it('points mall: every kind open to V1 (cheap ones and some over 5,000), few left, sold out, higher levels', async () => {
    const gifts = await query<{ id: string; kind: string; minLevel: string; pointsCost: number; stock: number }>(
      `SELECT id, kind, min_level AS "minLevel", points_cost AS "pointsCost", stock FROM gifts`,
    )
    const gift = (id: string) => gifts.find((candidate) => candidate.id === id)
    expect(gift('gift-tote')).toMatchObject({ kind: 'physical', minLevel: 'V1', pointsCost: 300 })
    expect(gift('gift-ebook')).toMatchObject({ kind: 'virtual', minLevel: 'V1' })
    expect(gift('gift-coupon-5')).toMatchObject({ kind: 'coupon', minLevel: 'V1' })
    expect(gift('gift-earbuds')).toMatchObject({ kind: 'physical', minLevel: 'V1', stock: 8 })
    expect(gift('gift-badge')).toMatchObject({ minLevel: 'V1', stock: 0 })
    expect(gift('gift-serum-full')?.minLevel).toBe('V3')
    const forV1 = gifts.filter((candidate) => candidate.minLevel === 'V1' && candidate.stock > 0)
    expect(new Set(forV1.map((candidate) => candidate.kind))).toEqual(new Set(['physical', 'virtual', 'coupon']))
    expect(forV1.some((candidate) => candidate.pointsCost > 5000)).toBe(true)
    // The catalogue the app lists is the same one.
    const listed = v.parse(page(Gift), (await call('GET', '/gifts?limit=50')).body)
    expect(listed.items.map((item) => item.id).sort()).toEqual(gifts.map((item) => item.id).sort())
  })

  it('KOL persona: a redemption in every state, paid for in the ledger, with a default address', async () => {
    const mine = await query<{
      id: string
      kind: 'physical' | 'virtual' | 'coupon'
      pointsSpent: number
      createdAt: Date
      completedAt: Date | null
      cancelledAt: Date | null
    }>(
      `SELECT id, kind, points_spent AS "pointsSpent", created_at AS "createdAt", completed_at AS "completedAt",
         cancelled_at AS "cancelledAt" FROM redemptions WHERE member_id = $1`,
      [SEED_MEMBERS.kol],
    )
    const statusOf = (row: (typeof mine)[number]) =>
      redemptionStateAt(
        {
          kind: row.kind,
          createdAt: row.createdAt.toISOString(),
          completedAt: row.completedAt === null ? null : row.completedAt.toISOString(),
          cancelledAt: row.cancelledAt === null ? null : row.cancelledAt.toISOString(),
        },
        now,
      ).status
    expect(new Set(mine.map(statusOf))).toEqual(new Set(['pending_shipment', 'shipped', 'completed', 'cancelled']))
    const ledger = await ledgerOf(SEED_MEMBERS.kol)
    for (const redemption of mine) {
      expect(ledger.filter((entry) => entry.refId === redemption.id).reduce((sum, entry) => sum + entry.delta, 0)).toBe(
        redemption.cancelledAt === null ? -redemption.pointsSpent : 0,
      )
      expect(redemption.createdAt.getTime()).toBeLessThan(now)
    }
    expect(sumLedger(linesOf(ledger))).toBe(2680)
    const addresses = await query<{ isDefault: boolean }>(
      `SELECT is_default AS "isDefault" FROM addresses WHERE member_id = $1`,
      [SEED_MEMBERS.kol],
    )
    expect(addresses).toHaveLength(2)
    expect(addresses.filter((address) => address.isDefault)).toHaveLength(1)
    // The member's own list shows the same statuses.
    const { token } = await signInAs('kol-distributor')
    const page = v.parse(RedemptionPage, (await call('GET', '/redemptions?limit=50', { token })).body)
    expect(page.items.map((item) => [item.id, item.status]).sort()).toEqual(
      mine.map((row) => [row.id, statusOf(row)]).sort(),
    )
  })

  it('KOL persona: a V4 distributor with fans, pending and settled commission', async () => {
    const kol = await member(SEED_MEMBERS.kol)
    expect(kol).toMatchObject({ isDistributor: true, referralCode: SEED_REFERRAL_CODES.kol })
    expect(levelCodeForGrowth(kol?.growth ?? 0, config.levels)).toBe('V4')
    const [fans] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM bindings WHERE distributor_id = $1`, [
      SEED_MEMBERS.kol,
    ])
    expect(fans?.n).toBeGreaterThanOrEqual(10)
    // Her 笔记 fans name the 分享赚 post that brought them, written before each of them arrived (a 笔记 fan without
    // a post would be none: the demo's 笔记带来的粉丝 would be empty).
    const throughPosts = await query<{ postId: string | null; boundAt: Date; postedAt: Date; authorId: string }>(
      `SELECT b.post_id AS "postId", b.bound_at AS "boundAt", p.created_at AS "postedAt", p.author_id AS "authorId"
       FROM bindings b LEFT JOIN posts p ON p.id = b.post_id WHERE b.distributor_id = $1 AND b.source = 'post'`,
      [SEED_MEMBERS.kol],
    )
    expect(throughPosts.length).toBeGreaterThan(0)
    for (const binding of throughPosts) {
      expect(binding).toMatchObject({ postId: 'post-e3', authorId: SEED_MEMBERS.kol })
      expect(binding.postedAt.getTime()).toBeLessThan(binding.boundAt.getTime())
    }
    const commissions = await query<{
      amountFen: number
      status: string
      settlesAt: Date
      orderAmountFen: number
      orderStatus: string
    }>(
      `SELECT c.amount_fen AS "amountFen", c.status, c.settles_at AS "settlesAt", o.amount_fen AS "orderAmountFen",
         o.status AS "orderStatus"
       FROM commissions c JOIN orders o ON o.id = c.order_id WHERE c.distributor_id = $1`,
      [SEED_MEMBERS.kol],
    )
    const pending = commissions.filter((commission) => commission.status === 'pending')
    expect(pending.length).toBeGreaterThan(0)
    for (const commission of pending) expect(commission.settlesAt.getTime()).toBeGreaterThan(now)
    for (const commission of commissions.filter((candidate) => candidate.status === 'settled'))
      expect(commission.settlesAt.getTime()).toBeLessThanOrEqual(now)
    for (const commission of commissions) {
      expect(commission.amountFen).toBe(
        Math.floor((commission.orderAmountFen * config.distribution.commissionRateBps) / 10000),
      )
      expect(commission.status === 'reversed').toBe(commission.orderStatus === 'refunded')
    }
  })

  it('keeps every balance non-negative and equal to the ledger (lots included), and the referral graph free of self-binding and loops', async () => {
    const members = await query<{ id: string; balance: number }>(`SELECT id, points_balance AS balance FROM members`)
    for (const seeded of members) {
      const lines = linesOf(await ledgerOf(seeded.id))
      expect(sumLedger(lines)).toBeGreaterThanOrEqual(0)
      // The stored balance and open lots are what the ledger says (kept in the same transaction as each entry).
      const lots = await query<{ id: string; expiresAt: Date | null; remaining: number }>(
        `SELECT entry_id AS id, expires_at AS "expiresAt", remaining FROM point_lots
         WHERE member_id = $1 AND remaining > 0 ORDER BY position`,
        [seeded.id],
      )
      expect({
        id: seeded.id,
        balance: seeded.balance,
        lots: lots.map((lot) => ({ ...lot, expiresAt: lot.expiresAt === null ? null : lot.expiresAt.toISOString() })),
      }).toEqual({ id: seeded.id, balance: sumLedger(lines), lots: remainingLots(lines) })
    }
    const bindings = await query<{ memberId: string; distributorId: string }>(
      `SELECT member_id AS "memberId", distributor_id AS "distributorId" FROM bindings`,
    )
    for (const binding of bindings) {
      expect(binding.memberId).not.toBe(binding.distributorId)
      let current: string | undefined = binding.distributorId
      for (let hops = 0; current !== undefined; hops += 1) {
        expect(current).not.toBe(binding.memberId)
        expect(hops).toBeLessThan(members.length)
        const upstream: string = current
        current = bindings.find((candidate) => candidate.memberId === upstream)?.distributorId
      }
    }
  })

  it('refers to things that exist', async () => {
    const categoryIds = new Set((await query<{ id: string }>(`SELECT id FROM gift_categories`)).map(({ id }) => id))
    for (const { category } of await query<{ category: string }>(`SELECT category FROM gifts`))
      expect(categoryIds).toContain(category)
    const members = await query<{
      id: string
      phone: string | null
      isDistributor: boolean
      referralCode: string | null
    }>(`SELECT id, phone, is_distributor AS "isDistributor", referral_code AS "referralCode" FROM members`)
    const memberIds = new Set(members.map(({ id }) => id))
    const posts = await query<{ authorId: string; topic: string | null; isPinned: boolean }>(
      `SELECT author_id AS "authorId", topic, is_pinned AS "isPinned" FROM posts`,
    )
    for (const post of posts) expect(memberIds).toContain(post.authorId)
    const topicNames = new Set((await query<{ name: string }>(`SELECT name FROM topics`)).map(({ name }) => name))
    for (const post of posts) if (post.topic !== null) expect(topicNames).toContain(post.topic)
    expect(posts.filter((post) => post.isPinned)).toHaveLength(1)
    for (const distributor of members.filter((candidate) => candidate.isDistributor))
      expect(v.is(ReferralCode, distributor.referralCode)).toBe(true)
    const phones = members.map(({ phone }) => phone).filter((phone) => phone !== null)
    expect(new Set(phones).size).toBe(phones.length)
  })

  it('has comment counts that are what each post lists (no count without its comments)', async () => {
    const posts = await query<{ id: string }>(`SELECT id FROM posts WHERE status = 'published'`)
    let listed = 0
    for (const { id } of posts) {
      const post = (await call('GET', `/posts/${id}`)).body as { commentCount: number }
      const page = (await call('GET', `/posts/${id}/comments?limit=50`)).body as {
        items: { createdAt: string; replies: { createdAt: string }[] }[]
      }
      const comments = page.items.flatMap((item) => [item, ...item.replies])
      expect({ id, count: post.commentCount }).toEqual({ id, count: comments.length })
      for (const comment of comments) expect(Date.parse(comment.createdAt)).toBeLessThanOrEqual(now)
      listed += comments.length
    }
    expect(listed).toBeGreaterThan(10)
  })

  it('has a post hidden by five members’ reports, waiting in the operator’s review queue', async () => {
    const [hidden] = await query<{ status: string; hiddenAt: Date | null; reporters: number }>(
      `SELECT p.status, p.hidden_at AS "hiddenAt", (SELECT count(*)::int FROM post_reports r WHERE r.post_id = p.id)
         AS reporters FROM posts p WHERE p.id = 'post-hidden'`,
    )
    expect(hidden).toMatchObject({ status: 'hidden', reporters: 5 })
    expect(hidden?.hiddenAt?.getTime()).toBeLessThanOrEqual(now)
    const queue = (await call('GET', '/__mock/reviews')).body as { items: { id: string; reportCount: number }[] }
    expect(queue.items.find((item) => item.id === 'post-hidden')).toMatchObject({ reportCount: 5 })
  })

  it('has 分享赚 posts that can earn: each carries a product of the catalogue, by a distributor', async () => {
    const earning = await query<{ id: string; productId: string | null; isDistributor: boolean }>(
      `SELECT p.id, p.product_id AS "productId", m.is_distributor AS "isDistributor"
       FROM posts p JOIN members m ON m.id = p.author_id WHERE p.section = 'earn'`,
    )
    expect(earning.length).toBeGreaterThan(0)
    const productIds = (await query<{ id: string }>(`SELECT id FROM products`)).map(({ id }) => id)
    for (const post of earning) {
      expect(productIds).toContain(post.productId)
      expect(post).toMatchObject({ isDistributor: true })
    }
  })
})
