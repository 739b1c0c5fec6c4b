// Types of budgets.mjs for the TypeScript benchmarks (run with tsx).
export declare const GATES: { weappMainRatio: number; h5FirstScreenGzipRatio: number }
export declare const GOALS: {
  weappMainRatio: number
  weappSubPackageBytes: number
  h5FirstScreenGzipRatio: number
  lighthouseScoreBelowFloor: number
  lighthouseTbtRatio: number
  lighthouseCls: number
  feedMaxDomNodes: number
  accessibilityScore: number
}
export declare const BUDGETS: { weappSubPackageBytes: number; weappTotalBytes: number; h5FirstScreenGzipBytes: number }
