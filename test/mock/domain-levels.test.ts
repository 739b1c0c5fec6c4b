import { levelCodeForGrowth, levelForGrowth, levelRank } from '../../mock/modules/membership/rules'
import { seedConfig } from '../../mock/seed/config'

const levels = seedConfig().levels

describe('level from growth', () => {
  it.each([
    [0, 'V1'],
    [199, 'V1'],
    [200, 'V2'],
    [999, 'V2'],
    [1000, 'V3'],
    [2999, 'V3'],
    [3000, 'V4'],
    [7999, 'V4'],
    [8000, 'V5'],
    [1_000_000, 'V5'],
  ])('growth %i is %s', (growth, code) => {
    expect(levelCodeForGrowth(growth, levels)).toBe(code)
  })

  it('does not depend on the order of the table', () => {
    expect(levelForGrowth(1500, [...levels].reverse()).code).toBe('V3')
  })

  it('never goes down as growth goes up', () => {
    let previous = 0
    for (let growth = 0; growth <= 9000; growth += 50) {
      const rank = levelRank(levelCodeForGrowth(growth, levels))
      expect(rank).toBeGreaterThanOrEqual(previous)
      previous = rank
    }
  })

  it('uses the seed thresholds of domain-rules.md', () => {
    expect(levels.map((level) => [level.code, level.name, level.minGrowth])).toEqual([
      ['V1', '社区新人', 0],
      ['V2', '活跃会员', 200],
      ['V3', '资深会员', 1000],
      ['V4', '核心会员', 3000],
      ['V5', '社区领袖', 8000],
    ])
  })
})
