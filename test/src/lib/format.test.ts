import { avatarInitial, formatFen, formatPoints } from '@/lib/format'
import { createIdempotencyKey } from '@/lib/http'

test.each([
  [0, '¥0.00'],
  [5, '¥0.05'],
  [1999, '¥19.99'],
  [100000, '¥1000.00'],
  [-250, '-¥2.50'],
])('formatFen(%i) = %s', (fen, shown) => {
  expect(formatFen(fen)).toBe(shown)
})

test.each([
  [0, '0'],
  [999, '999'],
  [1000, '1,000'],
  [1234567, '1,234,567'],
])('formatPoints(%i) = %s', (points, shown) => {
  expect(formatPoints(points)).toBe(shown)
})

test.each([
  ['小林', '小'],
  ['Lina', 'L'],
  // An emoji is two UTF-16 units: the whole of it, never its first half (shown as �).
  ['🌸小雨', '🌸'],
  ['😀', '😀'],
  ['', ''],
])('avatarInitial(%s) = %s', (nickname, initial) => {
  expect(avatarInitial(nickname)).toBe(initial)
})

test('idempotency keys are UUID v4 and distinct per intent', () => {
  const keys = new Set(Array.from({ length: 500 }, () => createIdempotencyKey()))
  expect(keys.size).toBe(500)
  for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})
