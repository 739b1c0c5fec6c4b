// Types of table.mjs for the TypeScript benchmarks (run with tsx).
export declare function table(
  headers: string[],
  rows: (string | number | null | undefined)[][],
  options?: { alignRight?: number[] },
): string
