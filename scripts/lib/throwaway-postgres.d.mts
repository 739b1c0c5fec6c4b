// Types of throwaway-postgres.mjs for the TypeScript benchmarks and tests (run with tsx or jest).
export type ThrowawayPostgres = {
  /** postgres://postgres@127.0.0.1:PORT/fanloop (trust auth, loopback only). */
  url: string
  port: number
  dataDir: string
  /** The pgbench and psql of the same PostgreSQL installation. */
  pgbench: string
  psql: string
  /** Stops the server and removes its folder. */
  stop(): Promise<void>
}

/** Whether a PostgreSQL server can be started here. */
export declare function hasPostgres(): boolean

/** Starts a fresh PostgreSQL server with an empty `fanloop` database. */
export declare function startThrowawayPostgres(options?: {
  log?: (message: string) => void
}): Promise<ThrowawayPostgres>

/** Creates database `name` on the server at `url`; returns the URL of the new database. */
export declare function createDatabase(url: string, name: string): Promise<string>

/** Drops database `name` if it exists, disconnecting anyone still using it. */
export declare function dropDatabase(url: string, name: string): Promise<void>
