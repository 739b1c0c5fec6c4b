import type { AppConfig } from '../../src/contract'
import { businessDay } from './time'

// Daily caps per source (domain-rules.md, Points and growth): e.g. posting pays 10 for the first post of the
// day, comments 2 each up to 10 a day. The ledger is the record of what a source already paid today.

export type DailyCap = AppConfig['points']['dailyCaps'][number]

export const capFor = (source: string, caps: readonly DailyCap[]): DailyCap | null =>
  caps.find((cap) => cap.source === source) ?? null

/** Points a source has paid on a business day: the sum of its positive ledger entries dated that day. */
export const pointsEarnedOn = (
  lines: readonly { delta: number; type: string; createdAt: string }[],
  source: string,
  day: string,
  timeZone: string,
): number =>
  lines
    .filter(
      (line) => line.type === source && line.delta > 0 && businessDay(Date.parse(line.createdAt), timeZone) === day,
    )
    .reduce((sum, line) => sum + line.delta, 0)

/** What one more action of the source pays today: pointsEach, cut to what is left of the day's maximum. */
export const cappedAward = (cap: DailyCap, earnedToday: number): number =>
  Math.max(0, Math.min(cap.pointsEach, cap.maxPointsPerDay - earnedToday))
