import { capFor, cappedAward, pointsEarnedOn } from '../../mock/modules/points/rules'
import { seedConfig } from '../../mock/seed/config'

const caps = seedConfig().points.dailyCaps
const SHANGHAI = 'Asia/Shanghai'

describe('daily caps per source', () => {
  it('finds the cap of a source, and none for a source without one', () => {
    expect(capFor('comment', caps)).toEqual({ source: 'comment', pointsEach: 2, maxPointsPerDay: 10 })
    expect(capFor('share', caps)).toBeNull()
  })

  it.each([
    // source, already earned today, next action pays
    ['post', 0, 10],
    ['post', 10, 0],
    ['comment', 0, 2],
    ['comment', 8, 2],
    ['comment', 9, 1],
    ['comment', 10, 0],
    ['comment', 14, 0],
  ])('%s after %i today pays %i', (source, earned, pays) => {
    const cap = capFor(source, caps)
    if (!cap) throw new Error(`no cap for ${source}`)
    expect(cappedAward(cap, earned)).toBe(pays)
  })

  it('never pays more than the day allows, whatever the order of actions (5 comments of 2 up to 10)', () => {
    const cap = { source: 'comment', pointsEach: 2, maxPointsPerDay: 10 }
    let earned = 0
    const paid = Array.from({ length: 8 }, () => {
      const award = cappedAward(cap, earned)
      earned += award
      return award
    })
    expect(paid).toEqual([2, 2, 2, 2, 2, 0, 0, 0])
  })

  it('counts what a source paid on a business day in the brand time zone', () => {
    const lines = [
      { delta: 2, type: 'comment', createdAt: '2030-03-01T23:59:00+08:00' },
      { delta: 2, type: 'comment', createdAt: '2030-03-01T16:30:00Z' }, // 00:30 on the 2nd in Shanghai
      { delta: 2, type: 'comment', createdAt: '2030-03-02T10:00:00+08:00' },
      { delta: 10, type: 'post', createdAt: '2030-03-02T10:00:00+08:00' },
      { delta: -2, type: 'comment', createdAt: '2030-03-02T11:00:00+08:00' },
    ]
    expect(pointsEarnedOn(lines, 'comment', '2030-03-01', SHANGHAI)).toBe(2)
    expect(pointsEarnedOn(lines, 'comment', '2030-03-02', SHANGHAI)).toBe(4)
    expect(pointsEarnedOn(lines, 'post', '2030-03-02', SHANGHAI)).toBe(10)
    expect(pointsEarnedOn(lines, 'post', '2030-03-03', SHANGHAI)).toBe(0)
  })
})
