import type { LevelDefinition } from '@/contract'
import { levelProgress } from '@/lib/app-config'

const level = (code: LevelDefinition['code'], minGrowth: number): LevelDefinition => ({
  code,
  name: `${code} name`,
  minGrowth,
  checkinMultiplierPercent: 100,
  monthlyCouponFen: 0,
  benefits: [],
})
const levels = [level('V3', 1000), level('V1', 0), level('V2', 200), level('V4', 3000), level('V5', 8000)]

describe('levelProgress', () => {
  test.each([
    [0, 'V1', 'V2', 0, 200],
    [199, 'V1', 'V2', 99, 1],
    [200, 'V2', 'V3', 0, 800],
    [600, 'V2', 'V3', 50, 400],
    [2999, 'V3', 'V4', 99, 1],
    [8000, 'V5', undefined, 100, 0],
    [99999, 'V5', undefined, 100, 0],
  ])('growth %i is %s, next %s, %i%%, %i to go', (growth, current, next, percent, toNext) => {
    const progress = levelProgress(levels, growth)
    expect(progress.current?.code).toBe(current)
    expect(progress.next?.code).toBe(next)
    expect(progress.percent).toBe(percent)
    expect(progress.growthToNext).toBe(toNext)
    expect(Number.isInteger(progress.percent)).toBe(true)
  })

  test('an empty level table (config not loaded) shows no level', () => {
    expect(levelProgress([], 50)).toEqual({ current: undefined, next: undefined, percent: 100, growthToNext: 0 })
  })
})
