import { featuredGrowthRanges } from '../../mock/modules/community/rules'
import { seedConfig } from '../../mock/seed/config'

const level = (minGrowth: number, ...codes: string[]) => ({ minGrowth, benefits: codes.map((code) => ({ code })) })

describe('featuredGrowthRanges: whose posts homepage_feature features', () => {
  it('is the growth of each level with the benefit, up to the next level', () => {
    expect(
      featuredGrowthRanges([level(8000, 'homepage_feature'), level(0), level(1000, 'homepage_feature'), level(3000)]),
    ).toEqual([
      { from: 1000, to: 3000 },
      { from: 8000, to: null },
    ])
  })

  it('is nobody when no level has it', () => {
    expect(featuredGrowthRanges([level(0, 'monthly_coupon'), level(200)])).toEqual([])
  })

  it('is V4 and up in the seed', () => {
    expect(featuredGrowthRanges(seedConfig().levels)).toEqual([
      { from: 3000, to: 8000 },
      { from: 8000, to: null },
    ])
  })
})
