import {
  couponStatus,
  discountOn,
  monthlyCouponStatus,
  spendRefusal,
  walletOrder,
} from '../../mock/modules/coupons/rules'

const coupon = (over: Partial<Parameters<typeof couponStatus>[0]> = {}) => ({
  usedOrderId: null,
  voidedAt: null,
  validFrom: '2026-11-10',
  validUntil: '2026-12-09',
  ...over,
})

describe('couponStatus', () => {
  it.each([
    ['2026-11-09', 'upcoming'],
    ['2026-11-10', 'available'],
    ['2026-12-09', 'available'],
    ['2026-12-10', 'expired'],
  ] as const)('on %s a coupon valid 2026-11-10..2026-12-09 is %s', (today, status) => {
    expect(couponStatus(coupon(), today)).toBe(status)
  })

  it('used before void before expired', () => {
    const voidedAt = new Date('2026-11-11T00:00:00Z')
    expect(couponStatus(coupon({ usedOrderId: 'o1', voidedAt }), '2027-01-01')).toBe('used')
    expect(couponStatus(coupon({ voidedAt }), '2027-01-01')).toBe('void')
  })
})

describe('spendRefusal', () => {
  it('its status first, then an amount below its minimum (the minimum itself is enough)', () => {
    expect(spendRefusal('expired', { minSpendFen: 19900 }, 100)).toBe('expired')
    expect(spendRefusal('available', { minSpendFen: 19900 }, 19899)).toBe('below_min_spend')
    expect(spendRefusal('available', { minSpendFen: 19900 }, 19900)).toBeNull()
    expect(spendRefusal('available', { minSpendFen: 0 }, 1)).toBeNull()
  })
})

describe('discountOn', () => {
  it.each([
    [19900, 1000, 1000],
    [1000, 1000, 999],
    [500, 5000, 499],
    [2, 5000, 1],
    [1, 5000, 0],
  ])('an amount of %i fen with a coupon of %i fen: %i off (at least 1 fen is paid)', (amount, value, off) => {
    expect(discountOn(amount, value)).toBe(off)
  })
})

describe('monthlyCouponStatus', () => {
  it('claimed whatever the level now, else not eligible without a value, else available', () => {
    expect(monthlyCouponStatus({ isClaimed: true, levelValueFen: 0 })).toBe('claimed')
    expect(monthlyCouponStatus({ isClaimed: false, levelValueFen: 0 })).toBe('not_eligible')
    expect(monthlyCouponStatus({ isClaimed: false, levelValueFen: 500 })).toBe('available')
  })
})

describe('walletOrder', () => {
  it('available soonest-to-expire first, then upcoming, then the rest newest first', () => {
    const items = [
      { code: 'A', status: 'expired', validFrom: '2026-09-01', validUntil: '2026-09-30' },
      { code: 'B', status: 'available', validFrom: '2026-11-10', validUntil: '2026-12-09' },
      { code: 'C', status: 'used', validFrom: '2026-10-01', validUntil: '2026-10-30' },
      { code: 'D', status: 'upcoming', validFrom: '2026-12-10', validUntil: '2027-01-08' },
      { code: 'E', status: 'available', validFrom: '2026-11-01', validUntil: '2026-11-30' },
    ] as const
    expect(
      [...items]
        .map((item) => ({ ...item, valueFen: 500 }))
        .sort(walletOrder)
        .map((item) => item.code),
    ).toEqual(['E', 'B', 'D', 'C', 'A'])
  })

  it('alike in state and dates: the bigger first, so equal coupons sit together', () => {
    const until = '2026-12-30'
    const items = [
      { code: 'A1', status: 'available', validFrom: '2026-12-01', validUntil: until, valueFen: 2000 },
      { code: 'B1', status: 'available', validFrom: '2026-12-01', validUntil: until, valueFen: 500 },
      { code: 'C1', status: 'available', validFrom: '2026-12-01', validUntil: until, valueFen: 2000 },
      { code: 'D1', status: 'available', validFrom: '2026-12-01', validUntil: until, valueFen: 500 },
    ] as const
    expect([...items].sort(walletOrder).map((item) => item.code)).toEqual(['A1', 'C1', 'B1', 'D1'])
  })
})
