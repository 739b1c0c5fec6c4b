import { monthGrid, shiftMonth } from '@/features/membership/lib/month-grid'

describe('monthGrid', () => {
  test.each([
    // month, blank cells before the 1st (Sunday first), days
    ['2026-11', 0, 30], // 1 Nov 2026 is a Sunday
    ['2026-02', 0, 28],
    ['2028-02', 2, 29], // leap year, 1 Feb 2028 is a Tuesday
    ['2026-12', 2, 31],
  ])('%s starts after %i blanks and has %i days', (month, blanks, days) => {
    const cells = monthGrid(month)
    expect(cells.slice(0, blanks).every((cell) => cell === null)).toBe(true)
    expect(cells[blanks]).toEqual({ date: `${month}-01`, dayOfMonth: 1 })
    expect(cells.filter(Boolean)).toHaveLength(days)
  })

  test.each([
    ['2026-11', -1, '2026-10'],
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
  ])('shiftMonth(%s, %i) = %s', (month, by, expected) => {
    expect(shiftMonth(month, by)).toBe(expected)
  })
})
