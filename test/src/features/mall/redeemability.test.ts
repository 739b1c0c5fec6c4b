import type { GiftDetail } from '@/contract/mall'
import { maxQuantity, redeemBlock, type Redeemer } from '@/features/mall/lib/redeemability'

const gift = (overrides: Partial<GiftDetail> = {}): GiftDetail => ({
  id: 'gift-1',
  name: 'Tote',
  description: '',
  category: 'home',
  images: [],
  pointsCost: 300,
  stock: 20,
  perMemberLimit: 2,
  minLevel: 'V1',
  kind: 'physical',
  redeemedByMe: 0,
  ...overrides,
})
const member = (levelCode: NonNullable<Redeemer>['levelCode'], pointsBalance: number): Redeemer => ({ levelCode, pointsBalance })

describe('redeemBlock', () => {
  test.each([
    ['a visitor is asked to sign in', gift(), null, 1, { kind: 'sign-in' }],
    ['sold out beats everything, even for visitors', gift({ stock: 0 }), null, 1, { kind: 'sold-out' }],
    ['level below the minimum', gift({ minLevel: 'V3' }), member('V2', 9999), 1, { kind: 'level-too-low', minLevel: 'V3' }],
    ['the level itself is enough', gift({ minLevel: 'V3' }), member('V3', 9999), 1, null],
    ['limit already reached', gift({ redeemedByMe: 2 }), member('V1', 9999), 1, { kind: 'limit-reached', limit: 2 }],
    ['how many points are missing', gift(), member('V1', 120), 1, { kind: 'not-enough-points', missing: 180 }],
    ['missing points count the quantity', gift(), member('V1', 400), 2, { kind: 'not-enough-points', missing: 200 }],
    ['exactly enough', gift(), member('V1', 300), 1, null],
  ])('%s', (_, item, redeemer, quantity, expected) => {
    expect(redeemBlock(item, redeemer, quantity)).toEqual(expected)
  })
})

describe('maxQuantity', () => {
  test.each([
    [gift({ stock: 20, perMemberLimit: 2 }), 2],
    [gift({ stock: 20, perMemberLimit: 5, redeemedByMe: 4 }), 1],
    [gift({ stock: 3, perMemberLimit: 50 }), 3],
    [gift({ stock: 100, perMemberLimit: 50 }), 10],
    [gift({ stock: 0 }), 0],
  ])('%#: up to %i', (item, expected) => {
    expect(maxQuantity(item)).toBe(expected)
  })
})
