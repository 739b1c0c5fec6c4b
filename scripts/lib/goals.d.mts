// Types of goals.mjs for the TypeScript benchmarks (run with tsx).
export type GoalRow = {
  goal: string
  subject: string
  measured: string
  limit: string
  verdict: 'pass' | 'FAIL' | 'n/a'
}
type Median = Record<string, number | null> | null
export declare function sizeGoals(size: unknown): GoalRow[]
export declare function lighthouseGoals(lighthouse: {
  floor: { median: Median }
  app: { page: string; median: Median }[]
  a11yOnly: { page: string; accessibility: number | null }[]
}): GoalRow[]
export declare function renderGoals(render: unknown): GoalRow[]
export declare function goalTable(rows: GoalRow[]): string
