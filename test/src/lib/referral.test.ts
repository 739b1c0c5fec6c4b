import { findReferralCode, parseSearch } from '@/lib/referral'

describe('findReferralCode', () => {
  test.each([
    ['H5 link or mini-program share path', { ref: 'LINA88' }, 'LINA88'],
    ['QR code scene, URL-encoded by WeChat', { scene: 'r%3DLINA88' }, 'LINA88'],
    ['QR code scene already decoded', { scene: 'r=LINA88' }, 'LINA88'],
    ['scene with other keys', { scene: encodeURIComponent('p=12&r=MIAO66') }, 'MIAO66'],
    ['ref wins over scene', { ref: 'AAAA1', scene: 'r%3DBBBB2' }, 'AAAA1'],
    ['no code', { id: '3' }, null],
    ['too long for a code', { ref: 'ABCDEFGHIJ' }, null],
    ['markup is not a code', { ref: '<script>' }, null],
    ['malformed scene encoding', { scene: '%E0%A4%A' }, null],
    ['nothing at all', undefined, null],
  ])('%s', (_, query, expected) => {
    expect(findReferralCode(query)).toBe(expected)
  })
})

describe('parseSearch', () => {
  test('reads a query string into an object, skipping broken pairs', () => {
    expect(parseSearch('?ref=LINA88&from=qr&bad=%E0%A4%A&space=a+b')).toEqual({ ref: 'LINA88', from: 'qr', space: 'a b' })
    expect(parseSearch('')).toEqual({})
  })
})
