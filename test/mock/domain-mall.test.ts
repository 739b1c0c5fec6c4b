import { defaultAfter, inDisplayOrder, isDefaultWhenAdded, MAX_ADDRESSES } from '../../mock/modules/mall/rules'
import { lotsTakenBy } from '../../mock/modules/points/rules'
import type { RedeemFacts } from '../../mock/modules/mall/rules'
import {
  canCancel,
  CODE_ALPHABET,
  CODE_PATTERN,
  formatRedemptionCode,
  isRedeemable,
  quantityIssue,
  redeemRefusal,
  redemptionStateAt,
} from '../../mock/modules/mall/rules'

const HOUR_MS = 60 * 60 * 1000
const MADE = '2031-05-10T09:00:00+08:00'
const madeMs = Date.parse(MADE)

describe('redemptionStateAt: the clock moves a physical redemption', () => {
  const physical = { kind: 'physical' as const, createdAt: MADE, completedAt: null, cancelledAt: null }

  it.each([
    [0, 'pending_shipment', null, null],
    [47, 'pending_shipment', null, null],
    [48, 'shipped', 48, null],
    [9 * 24 - 1, 'shipped', 48, null],
    [9 * 24, 'completed', 48, 9 * 24],
    [400 * 24, 'completed', 48, 9 * 24],
  ])('%i hours after: %s', (hours, status, shippedHours, completedHours) => {
    const state = redemptionStateAt(physical, madeMs + hours * HOUR_MS)
    expect(state).toEqual({
      status,
      shippedAtMs: shippedHours === null ? null : madeMs + shippedHours * HOUR_MS,
      completedAtMs: completedHours === null ? null : madeMs + completedHours * HOUR_MS,
      cancelledAtMs: null,
    })
    expect(canCancel(physical, madeMs + hours * HOUR_MS)).toBe(status === 'pending_shipment')
  })

  it('a cancelled one stays cancelled whatever the clock says, and cannot be cancelled again', () => {
    const cancelledAt = '2031-05-10T10:00:00+08:00'
    const cancelled = { ...physical, cancelledAt }
    for (const hours of [1, 48, 1000])
      expect(redemptionStateAt(cancelled, madeMs + hours * HOUR_MS)).toEqual({
        status: 'cancelled',
        shippedAtMs: null,
        completedAtMs: null,
        cancelledAtMs: Date.parse(cancelledAt),
      })
    expect(canCancel(cancelled, madeMs + 2 * HOUR_MS)).toBe(false)
  })

  it.each(['virtual', 'coupon'] as const)('a %s gift is completed when made, never pending', (kind) => {
    const made = { kind, createdAt: MADE, completedAt: MADE, cancelledAt: null }
    expect(redemptionStateAt(made, madeMs)).toMatchObject({
      status: 'completed',
      completedAtMs: madeMs,
      shippedAtMs: null,
    })
    expect(canCancel(made, madeMs)).toBe(false)
  })
})

/** A V1 member with 1,000 points and an address, one of a physical gift in stock: change what a case is about. */
const facts = (change: Partial<RedeemFacts> = {}, gift: Partial<RedeemFacts['gift']> = {}): RedeemFacts => ({
  gift: { kind: 'physical', minLevel: 'V1', stock: 10, perMemberLimit: 2, pointsCost: 100, ...gift },
  quantity: 1,
  levelCode: 'V1',
  hasOwnAddress: true,
  redeemedByMe: 0,
  balance: 1000,
  ...change,
})

describe('redeemRefusal: one reason, in a fixed order', () => {
  const everythingWrong = facts(
    { levelCode: 'V1', hasOwnAddress: null, redeemedByMe: 2, balance: 0 },
    { minLevel: 'V3', stock: 0 },
  )

  it('passes a request that meets every rule, at the edges', () => {
    expect(redeemRefusal(facts())).toBeNull()
    expect(redeemRefusal(facts({ quantity: 2, balance: 200 }, { stock: 2 }))).toBeNull()
    expect(redeemRefusal(facts({ levelCode: 'V3' }, { minLevel: 'V3' }))).toBeNull()
    expect(redeemRefusal(facts({ hasOwnAddress: null }, { kind: 'virtual' }))).toBeNull()
  })

  it('level, then address, then stock, then limit, then points', () => {
    const codes: string[] = []
    let current = everythingWrong
    const fixes: ((f: RedeemFacts) => RedeemFacts)[] = [
      (f) => ({ ...f, levelCode: 'V3' }),
      (f) => ({ ...f, hasOwnAddress: true }),
      (f) => ({ ...f, gift: { ...f.gift, stock: 5 } }),
      (f) => ({ ...f, redeemedByMe: 0 }),
      (f) => ({ ...f, balance: 100 }),
    ]
    for (const fix of fixes) {
      codes.push(redeemRefusal(current)?.code ?? 'none')
      current = fix(current)
    }
    expect(codes).toEqual(['LEVEL_TOO_LOW', 'ADDRESS_REQUIRED', 'OUT_OF_STOCK', 'LIMIT_REACHED', 'INSUFFICIENT_POINTS'])
    expect(redeemRefusal(current)).toBeNull()
  })

  it('an address that is not the member’s own is 404 for any kind of gift, after the level', () => {
    expect(redeemRefusal(facts({ hasOwnAddress: false }))?.code).toBe('NOT_FOUND')
    expect(redeemRefusal(facts({ hasOwnAddress: false }, { kind: 'coupon' }))?.code).toBe('NOT_FOUND')
    expect(redeemRefusal(facts({ hasOwnAddress: false }, { minLevel: 'V2' }))?.code).toBe('LEVEL_TOO_LOW')
  })

  it('says what blocked it', () => {
    expect(redeemRefusal(facts({ quantity: 3 }, { stock: 2 }))).toMatchObject({ details: { stock: 2, requested: 3 } })
    expect(redeemRefusal(facts({ redeemedByMe: 1, quantity: 2 }))).toMatchObject({
      details: { perMemberLimit: 2, redeemed: 1, requested: 2 },
    })
    expect(redeemRefusal(facts({ quantity: 2, balance: 150 }))).toMatchObject({
      code: 'INSUFFICIENT_POINTS',
      details: { balance: 150, required: 200 },
    })
  })
})

describe('isRedeemable: what GET /gifts?affordable=true keeps', () => {
  const cases: [string, RedeemFacts][] = [
    ['redeemable, at the edges', facts({ balance: 100, redeemedByMe: 1 }, { stock: 1 })],
    ['a level below the minimum', facts({}, { minLevel: 'V2' })],
    ['sold out', facts({}, { stock: 0 })],
    ['the member’s limit reached', facts({ redeemedByMe: 2 })],
    ['one point short', facts({ balance: 99 })],
    ['a higher level than asked', facts({ levelCode: 'V4' }, { minLevel: 'V3' })],
  ]

  it.each(cases)('agrees with redeemRefusal (with an address): %s', (_, given) => {
    expect(isRedeemable(given)).toBe(redeemRefusal(given) === null)
  })

  it('does not ask for an address: the redemption brings it', () => {
    expect(isRedeemable(facts({ hasOwnAddress: null }))).toBe(true)
    expect(redeemRefusal(facts({ hasOwnAddress: null }))?.code).toBe('ADDRESS_REQUIRED')
  })

  it('refuses each of level, stock, limit and points on its own', () => {
    expect(isRedeemable(facts({}, { minLevel: 'V2' }))).toBe(false)
    expect(isRedeemable(facts({}, { stock: 0 }))).toBe(false)
    expect(isRedeemable(facts({ redeemedByMe: 2 }))).toBe(false)
    expect(isRedeemable(facts({ balance: 99 }))).toBe(false)
    expect(isRedeemable(facts({ redeemedByMe: 1, balance: 100 }, { stock: 1 }))).toBe(true)
  })
})

describe('quantityIssue: a virtual gift is one unit (one code) per redemption', () => {
  it.each([
    ['virtual', 1, false],
    ['virtual', 2, true],
    ['coupon', 3, false],
    ['physical', 10, false],
  ] as const)('%s × %i refused: %s', (kind, quantity, refused) => {
    expect(quantityIssue(kind, quantity) !== null).toBe(refused)
  })
})

describe('formatRedemptionCode', () => {
  it('makes FL-XXXX-XXXX from unambiguous characters', () => {
    expect(formatRedemptionCode([0, 1, 2, 3, 4, 5, 6, 7])).toBe('FL-2345-6789')
    expect(formatRedemptionCode([255, 254, 30, 31, 8, 9, 100, 200])).toMatch(CODE_PATTERN)
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/)
    for (let seed = 0; seed < 256; seed += 1)
      expect(formatRedemptionCode(Array.from({ length: 8 }, (_, index) => (seed * 7 + index * 31) % 256))).toMatch(
        CODE_PATTERN,
      )
  })

  it('needs 8 bytes', () => {
    expect(() => formatRedemptionCode([1, 2, 3])).toThrow()
  })
})

describe('address book rules', () => {
  const book = (defaultIndex: number | null, count: number) =>
    Array.from({ length: count }, (_, index) => ({ id: `a${index}`, isDefault: index === defaultIndex }))

  it('the first address is the default; later ones only when asked', () => {
    expect(isDefaultWhenAdded([], undefined)).toBe(true)
    expect(isDefaultWhenAdded([], false)).toBe(true)
    expect(isDefaultWhenAdded(book(0, 1), undefined)).toBe(false)
    expect(isDefaultWhenAdded(book(0, 1), true)).toBe(true)
    expect(MAX_ADDRESSES).toBe(10)
  })

  it('keeps the default, moves it when chosen, passes it to the newest when it goes', () => {
    expect(defaultAfter(book(1, 3))).toBe('a1')
    expect(defaultAfter(book(1, 3), 'a2')).toBe('a2')
    expect(defaultAfter(book(1, 3), 'gone')).toBe('a1')
    expect(defaultAfter(book(null, 3))).toBe('a2')
    expect(defaultAfter([])).toBeNull()
  })

  it('shows the default first, then the newest first', () => {
    expect(inDisplayOrder(book(1, 4)).map((entry) => entry.id)).toEqual(['a1', 'a3', 'a2', 'a0'])
  })
})

describe('lotsTakenBy: the lots a spend took, by expiry', () => {
  const lot = (id: string, delta: number, expiresAt: string | null, type = 'adjustment') => ({
    id,
    delta,
    type,
    refId: null,
    expiresAt,
  })
  const soon = '2031-06-01T00:00:00+08:00'
  const late = '2032-12-31T23:59:59+08:00'

  it('takes the earliest expiry first, across lots', () => {
    const lines = [lot('late', 300, late), lot('soon', 200, soon), lot('spend', -400, null, 'redemption')]
    expect(lotsTakenBy(lines, 'spend')).toEqual([
      { expiresAt: soon, points: 200 },
      { expiresAt: late, points: 200 },
    ])
  })

  it('groups lots of one expiry, and skips what earlier spends and expiries took', () => {
    const lines = [
      lot('a', 100, soon),
      lot('b', 100, late),
      lot('c', 100, late),
      lot('x', -50, null, 'makeup'),
      { ...lot('e', -50, null, 'expiry'), refId: 'a' },
      lot('spend', -150, null, 'redemption'),
    ]
    expect(lotsTakenBy(lines, 'spend')).toEqual([{ expiresAt: late, points: 150 }])
  })

  it('answers nothing for an unknown id or an earning', () => {
    expect(lotsTakenBy([lot('a', 100, soon)], 'a')).toEqual([])
    expect(lotsTakenBy([lot('a', 100, soon)], 'nope')).toEqual([])
  })
})
