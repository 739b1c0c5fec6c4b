import fc from 'fast-check'
import type { LedgerLine } from '../../mock/modules/points/rules'
import { expiriesDue, expiringSoon, remainingLots, sumLedger } from '../../mock/modules/points/rules'

const SHANGHAI = 'Asia/Shanghai'
let nextId = 0
const earn = (delta: number, expiresAt: string | null): LedgerLine => ({
  id: `l${(nextId += 1)}`,
  delta,
  type: 'checkin',
  refId: null,
  expiresAt,
})
const spend = (delta: number): LedgerLine => ({
  id: `l${(nextId += 1)}`,
  delta: -delta,
  type: 'redemption',
  refId: null,
  expiresAt: null,
})
const expire = (lot: LedgerLine, amount: number): LedgerLine => ({
  id: `l${(nextId += 1)}`,
  delta: -amount,
  type: 'expiry',
  refId: lot.id,
  expiresAt: null,
})

describe('ledger rules', () => {
  it('balance is the sum of the entries', () => {
    expect(sumLedger([earn(100, null), spend(30), earn(5, null)])).toBe(75)
    expect(sumLedger([])).toBe(0)
  })

  it('spends the lot that expires first, then the next', () => {
    const late = earn(100, '2028-12-31T23:59:59+08:00')
    const early = earn(50, '2027-12-31T23:59:59+08:00')
    const forever = earn(10, null)
    const lots = remainingLots([late, early, forever, spend(70)])
    expect(lots).toEqual([
      { id: late.id, expiresAt: late.expiresAt, remaining: 80 },
      { id: forever.id, expiresAt: null, remaining: 10 },
    ])
  })

  it('expires what is left of a lot once its time has passed, and only once', () => {
    const lot = earn(100, '2027-12-31T23:59:59+08:00')
    const lines = [lot, earn(20, '2028-12-31T23:59:59+08:00'), spend(30)]
    expect(expiriesDue(lines, Date.parse('2027-12-31T23:59:59+08:00'))).toEqual([])
    const due = expiriesDue(lines, Date.parse('2028-01-01T00:00:00+08:00'))
    expect(due).toEqual([{ id: lot.id, expiresAt: lot.expiresAt, remaining: 70 }])
    const settled = [...lines, expire(lot, 70)]
    expect(expiriesDue(settled, Date.parse('2028-01-01T00:00:00+08:00'))).toEqual([])
    expect(sumLedger(settled)).toBe(20)
  })

  it('reports the earliest day points expire within the window, and how many', () => {
    const now = Date.parse('2027-12-10T12:00:00+08:00')
    const lines = [
      earn(80, '2027-12-31T23:59:59+08:00'),
      earn(40, '2027-12-31T23:59:59+08:00'),
      earn(5, '2028-12-31T23:59:59+08:00'),
      spend(20),
    ]
    expect(expiringSoon(lines, now, 30, SHANGHAI)).toEqual({ points: 100, on: '2027-12-31' })
    expect(expiringSoon(lines, now, 10, SHANGHAI)).toBeNull()
    expect(expiringSoon([earn(10, null)], now, 30, SHANGHAI)).toBeNull()
  })

  it('counts the window in business days: on 12-01 the points of 12-31 expire within 30 days all day long', () => {
    const lines = [earn(80, '2027-12-31T23:59:59+08:00')]
    for (const at of ['2027-12-01T00:00:00+08:00', '2027-12-01T10:00:00+08:00', '2027-12-01T23:59:58+08:00'])
      expect(expiringSoon(lines, Date.parse(at), 30, SHANGHAI)).toEqual({ points: 80, on: '2027-12-31' })
    // 31 days away is outside it, whatever the hour.
    expect(expiringSoon(lines, Date.parse('2027-11-30T23:59:58+08:00'), 30, SHANGHAI)).toBeNull()
  })

  it('keeps remaining lots equal to the balance for any history that never overspends (property)', () => {
    const expiries = [
      '2027-12-31T23:59:59+08:00',
      '2028-12-31T23:59:59+08:00',
      '2029-12-31T23:59:59+08:00',
      null,
    ] as const
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('earn' as const),
        amount: fc.integer({ min: 1, max: 500 }),
        expiry: fc.constantFrom(...expiries),
      }),
      fc.record({ kind: fc.constant('spend' as const), amount: fc.integer({ min: 1, max: 500 }) }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const lines: LedgerLine[] = []
        const rank = (expiresAt: string | null): number => (expiresAt === null ? Infinity : Date.parse(expiresAt))
        for (const item of steps) {
          if (item.kind === 'earn') {
            lines.push(earn(item.amount, item.expiry))
            continue
          }
          if (item.amount > sumLedger(lines)) continue
          const before = remainingLots(lines)
          lines.push(spend(item.amount))
          const after = new Map(remainingLots(lines).map((lot) => [lot.id, lot.remaining]))
          // Oldest first: a spend touches a lot only once every lot expiring before it is used up.
          for (const lot of before.filter((candidate) => (after.get(candidate.id) ?? 0) < candidate.remaining)) {
            const earlierLeft = before.filter(
              (other) => rank(other.expiresAt) < rank(lot.expiresAt) && after.has(other.id),
            )
            expect(earlierLeft).toEqual([])
          }
        }
        const lots = remainingLots(lines)
        expect(lots.reduce((sum, lot) => sum + lot.remaining, 0)).toBe(sumLedger(lines))
        expect(lots.every((lot) => lot.remaining > 0)).toBe(true)
        expect(sumLedger(lines)).toBeGreaterThanOrEqual(0)
      }),
    )
  })
})
