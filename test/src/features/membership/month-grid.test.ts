import { isMakeupCandidate, monthGrid, shiftMonth } from '@/features/membership/lib/month-grid'

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

describe('isMakeupCandidate', () => {
  const today = '2026-11-12'
  test.each([
    ['a missed day earlier this month', '2026-11-11', [], true],
    ['the 1st of this month', '2026-11-01', [], true],
    ['a day already checked', '2026-11-11', ['2026-11-11'], false],
    ['today', '2026-11-12', [], false],
    ['a future day', '2026-11-13', [], false],
    ['last month', '2026-10-31', [], false],
  ])('%s', (_, date, checked, expected) => {
    expect(isMakeupCandidate(date, today, checked)).toBe(expected)
  })
})
