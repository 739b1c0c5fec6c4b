import type { LevelCode, LevelDefinition } from '../../src/contract'

/** The highest level whose threshold the growth has reached; growth never goes down, so neither does the level. */
export const levelForGrowth = (growth: number, levels: readonly LevelDefinition[]): LevelDefinition => {
  const reached = [...levels].sort((a, b) => a.minGrowth - b.minGrowth).filter((level) => level.minGrowth <= growth)
  const level = reached[reached.length - 1] ?? levels[0]
  if (!level) throw new Error('The config has no levels')
  return level
}

export const levelCodeForGrowth = (growth: number, levels: readonly LevelDefinition[]): LevelCode =>
  levelForGrowth(growth, levels).code

export const levelRank = (code: LevelCode): number => Number(code.slice(1))
