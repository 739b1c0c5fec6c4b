import { addDays, businessDay, endOfNextYear, formatInstant, instantOfDay, mockNow } from '../../mock/platform/time'

const SHANGHAI = 'Asia/Shanghai'

describe('business day in the brand time zone', () => {
  it.each([
    ['2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['2026-03-01T16:00:00.000Z', '2026-03-02'],
    ['2026-12-31T15:59:59Z', '2026-12-31'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2028-02-28T16:30:00Z', '2028-02-29'],
  ])('%s is %s in Shanghai', (instant, day) => {
    expect(businessDay(Date.parse(instant), SHANGHAI)).toBe(day)
  })

  it('follows the configured zone, not the machine', () => {
    const instant = Date.parse('2026-03-01T20:00:00Z')
    expect(businessDay(instant, SHANGHAI)).toBe('2026-03-02')
    expect(businessDay(instant, 'America/Los_Angeles')).toBe('2026-03-01')
  })
})

describe('reported times', () => {
  it('carry the brand offset', () => {
    expect(formatInstant(Date.parse('2026-03-01T16:00:00Z'), SHANGHAI)).toBe('2026-03-02T00:00:00+08:00')
  })

  it('start a business day at local midnight', () => {
    expect(instantOfDay('2026-03-02', SHANGHAI)).toBe(Date.parse('2026-03-01T16:00:00Z'))
    expect(instantOfDay('2026-03-02', SHANGHAI, '08:30')).toBe(Date.parse('2026-03-02T00:30:00Z'))
  })

  it('shift dates across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('put the mock clock at real time plus the offset', () => {
    expect(mockNow(1_000, 500)).toBe(1_500)
  })
})

describe('earned points expire at the end of the next year', () => {
  it.each([
    ['2026-01-01T00:00:00+08:00', '2027-12-31T23:59:59+08:00'],
    ['2026-12-31T23:59:00+08:00', '2027-12-31T23:59:59+08:00'],
    // 20:00 UTC on New Year's Eve is already 2027 in Shanghai.
    ['2026-12-31T20:00:00Z', '2028-12-31T23:59:59+08:00'],
  ])('earned %s expires %s', (earned, expires) => {
    expect(endOfNextYear(Date.parse(earned), SHANGHAI)).toBe(expires)
  })
})
