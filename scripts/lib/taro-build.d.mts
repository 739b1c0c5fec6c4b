// Types of taro-build.mjs for the TypeScript benchmarks (run with tsx).
export declare const repoRoot: string
export declare const floorSource: string
export declare const resultsDir: string
export declare const logsDir: string

export type BuildType = 'weapp' | 'h5'

/** Runs `taro build --type <type>` in `cwd`; resolves false (after printing the log's tail) when it fails. */
export declare function build(label: string, cwd: string, type: BuildType): Promise<boolean>

export type FloorBuild = {
  /** Temp copy of the floor app; its builds are in dir/dist/<type>. */
  dir: string
  ok: boolean
  remove(): void
}

export declare function buildFloor(types?: BuildType[]): Promise<FloorBuild>
