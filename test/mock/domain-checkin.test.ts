import {
  checkinPoints,
  currentStreak,
  cycleDay,
  daysJoinedAfter,
  daysOfMonth,
  makeupRefusal,
  multiplierThatPaid,
  restoredPoints,
  rewardsAhead,
  streakEndingOn,
} from '../../mock/modules/membership/rules'
import { seedConfig } from '../../mock/seed/config'

const rules = seedConfig().checkin
const days = (...list: string[]): Set<string> => new Set(list)

describe('the streak cycle', () => {
  it.each([
    [1, 1],
    [3, 3],
    [7, 7],
    [8, 1],
    [10, 3],
    [14, 7],
    [15, 1],
    [50, 1],
  ])('streak %i is cycle day %i', (streak, day) => {
    expect(cycleDay(streak, 7)).toBe(day)
  })
})

describe('the reward table', () => {
  it.each([
    // streak, multiplier %, points
    [1, 100, 5],
    [2, 100, 5],
    [3, 100, 15],
    [7, 100, 35],
    [8, 100, 5],
    [10, 100, 15],
    [14, 100, 35],
    [1, 120, 6],
    [3, 120, 18],
    [7, 120, 42],
    [1, 140, 7],
    [3, 140, 21],
    [7, 140, 49],
    [7, 200, 70],
    // Floored, never rounded up: 5 x 1.33 = 6.65.
    [1, 133, 6],
  ])('streak %i at %i%% pays %i', (streak, multiplier, points) => {
    expect(checkinPoints(streak, rules, multiplier)).toBe(points)
  })

  it('follows the configured ladder and cycle', () => {
    const custom = { ...rules, basePoints: 2, cycleDays: 3, ladder: [{ day: 3, bonusPoints: 8 }] }
    expect([1, 2, 3, 4, 5, 6].map((streak) => checkinPoints(streak, custom, 100))).toEqual([2, 2, 10, 2, 2, 10])
  })
})

describe('streaks from the set of checked days', () => {
  const checked = days('2030-02-26', '2030-02-27', '2030-02-28', '2030-03-01', '2030-03-03')

  it.each([
    ['2030-03-01', 4],
    ['2030-02-28', 3],
    ['2030-03-02', 0],
    ['2030-03-03', 1],
  ])('ending on %s: %i', (date, streak) => {
    expect(streakEndingOn(checked, date)).toBe(streak)
  })

  it.each([
    // today, streak: through today once checked in, through yesterday until then
    ['2030-03-02', 4],
    ['2030-03-03', 1],
    ['2030-03-04', 1],
    ['2030-03-05', 0],
  ])('seen on %s: %i', (today, streak) => {
    expect(currentStreak(checked, today)).toBe(streak)
  })

  it('joins across a made-up day like any other', () => {
    expect(currentStreak(days('2030-03-01', '2030-03-02', '2030-03-03'), '2030-03-04')).toBe(3)
  })
})

describe('rewards ahead', () => {
  it('starts today when not checked in, continuing the streak', () => {
    const ahead = rewardsAhead(days('2030-03-01', '2030-03-02'), '2030-03-03', rules, 100, 7)
    expect(ahead.map((step) => [step.date, step.streakDay, step.points, step.isBonusDay])).toEqual([
      ['2030-03-03', 3, 15, true],
      ['2030-03-04', 4, 5, false],
      ['2030-03-05', 5, 5, false],
      ['2030-03-06', 6, 5, false],
      ['2030-03-07', 7, 35, true],
      ['2030-03-08', 1, 5, false],
      ['2030-03-09', 2, 5, false],
    ])
  })

  it('starts tomorrow once checked in today', () => {
    const ahead = rewardsAhead(days('2030-03-01', '2030-03-02', '2030-03-03'), '2030-03-03', rules, 120, 2)
    expect(ahead).toEqual([
      { date: '2030-03-04', streakDay: 4, points: 6, isBonusDay: false },
      { date: '2030-03-05', streakDay: 5, points: 6, isBonusDay: false },
    ])
  })

  it('starts over at day 1 after a missed day', () => {
    expect(rewardsAhead(days('2030-03-01'), '2030-03-03', rules, 100, 1)[0]).toMatchObject({ streakDay: 1, points: 5 })
  })
})

describe('make-up refusals', () => {
  const base = {
    today: '2030-03-20',
    joinedOn: '2030-03-05',
    checked: days('2030-03-18'),
    makeupsUsedThisMonth: 0,
    perMonth: 2,
  }

  it.each([
    ['2030-03-19', {}, null],
    ['2030-03-05', {}, null],
    ['2030-03-20', {}, 'today_or_future'],
    ['2030-03-21', {}, 'today_or_future'],
    ['2030-04-01', {}, 'today_or_future'],
    ['2030-02-28', { joinedOn: '2030-01-01' }, 'not_this_month'],
    ['2029-03-19', { joinedOn: '2029-01-01' }, 'not_this_month'],
    ['2030-03-04', {}, 'before_joining'],
    ['2030-03-18', {}, 'already_checked_in'],
    ['2030-03-19', { makeupsUsedThisMonth: 2 }, 'no_makeups_left'],
    ['2030-03-19', { makeupsUsedThisMonth: 1 }, null],
    ['2030-03-19', { perMonth: 0 }, 'no_makeups_left'],
  ] as const)('%s with %j: %s', (date, change, refusal) => {
    expect(makeupRefusal(date, { ...base, ...change })).toBe(refusal)
  })
})

describe('what a make-up restores', () => {
  it('lengthens the streak of the checked days right after the repaired one, up to the next gap', () => {
    const checked = days('2030-03-01', '2030-03-02', '2030-03-03', '2030-03-05', '2030-03-06')
    expect(daysJoinedAfter(checked, '2030-02-28')).toEqual(['2030-03-01', '2030-03-02', '2030-03-03'])
    expect(daysJoinedAfter(checked, '2030-03-04')).toEqual(['2030-03-05', '2030-03-06'])
    expect(daysJoinedAfter(checked, '2030-03-06')).toEqual([])
    expect(daysJoinedAfter(days('2030-03-02'), '2030-02-27')).toEqual([])
  })

  it.each([
    // paid, streak then, the level now, the multiplier read back
    [5, 6, 100, 100],
    [6, 6, 100, 120],
    [42, 7, 140, 120],
    [7, 1, 200, 140],
    [70, 14, 100, 200],
    // 5 is what both 100% levels pay: the level now when it is one of them, else the lowest.
    [5, 1, 120, 100],
  ])('%i points paid on streak day %i (level now %i%%): priced at %i%%', (paid, streak, now, read) => {
    expect(multiplierThatPaid(paid, streak, rules, [100, 100, 120, 140, 200], now)).toBe(read)
  })

  it('prefers the level now among multipliers that paid the same, and knows none when the rules changed', () => {
    expect(multiplierThatPaid(5, 1, rules, [100, 110, 120], 110)).toBe(110)
    expect(multiplierThatPaid(5, 1, rules, [100, 110, 120], 120)).toBe(100)
    expect(multiplierThatPaid(9, 1, rules, [100, 120, 140], 100)).toBeNull()
  })

  it.each([
    // due on the restored streak, paid so far -> paid back
    ['today’s check-in alone: day 6 (5) becomes day 7 (35)', [{ due: 35, paid: 5 }], [30]],
    ['a day paid what it is due', [{ due: 5, paid: 5 }], [0]],
    ['never taken back', [{ due: 5, paid: 15 }], [0]],
    ['only the shortfall after an earlier make-up paid some', [{ due: 35, paid: 20 }], [15]],
    [
      'a run settled as a whole: the bonuses the cycle moved count against what it is owed',
      [
        { due: 5, paid: 5 },
        { due: 35, paid: 5 },
        { due: 5, paid: 15 },
        { due: 5, paid: 5 },
        { due: 15, paid: 5 },
        { due: 5, paid: 5 },
        { due: 5, paid: 35 },
        { due: 5, paid: 5 },
        { due: 35, paid: 5 },
      ],
      [0, 0, 0, 0, 0, 0, 0, 0, 30],
    ],
    [
      'the streak persona: the day-3 bonus moved a day earlier was paid, today’s day 7 is what is owed',
      [
        { due: 5, paid: 5 },
        { due: 15, paid: 5 },
        { due: 5, paid: 15 },
        { due: 5, paid: 5 },
        { due: 5, paid: 5 },
        { due: 35, paid: 5 },
      ],
      [0, 0, 0, 0, 0, 30],
    ],
    [
      'latest first, each up to its shortfall',
      [
        { due: 15, paid: 5 },
        { due: 5, paid: 5 },
        { due: 35, paid: 5 },
        { due: 5, paid: 15 },
      ],
      [0, 0, 30, 0],
    ],
    [
      'every shortfall when the run is owed them all',
      [
        { due: 15, paid: 5 },
        { due: 5, paid: 5 },
        { due: 35, paid: 5 },
      ],
      [10, 0, 30],
    ],
    [
      'nothing when the run was paid more than it is due',
      [
        { due: 35, paid: 5 },
        { due: 5, paid: 40 },
      ],
      [0, 0],
    ],
  ] as const)('%s', (_, checkins, paidBack) => {
    expect(restoredPoints(checkins)).toEqual(paidBack)
  })
})

describe('days of a month', () => {
  it.each([
    ['2030-02', 28],
    ['2028-02', 29],
    ['2030-04', 30],
    ['2030-12', 31],
  ])('%s has %i days', (month, count) => {
    const list = daysOfMonth(month)
    expect(list).toHaveLength(count)
    expect(list[0]).toBe(`${month}-01`)
  })
})
