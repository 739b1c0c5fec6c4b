import { mondayOf } from '../../mock/modules/community/rules'

// The week a challenge runs: Monday to Sunday, found from any business day of it.
describe('mondayOf', () => {
  test.each([
    ['2036-03-10', '2036-03-10'], // a Monday is its own
    ['2036-03-16', '2036-03-10'], // Sunday belongs to the week before it, not the next
    ['2036-03-13', '2036-03-10'],
    ['2036-01-02', '2035-12-31'], // across a year
    ['2028-03-01', '2028-02-28'], // across a leap day
  ])('%s is in the week of %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday)
  })
})
