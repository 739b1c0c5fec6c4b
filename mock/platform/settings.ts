/**
 * How the server itself behaves, apart from the program config the app renders (AppConfig): the sign-in limits.
 * Each limit is on by default; 0 switches it off (MOCK_AUTH_LIMITS=off switches them all off).
 */
export type ServerSettings = {
  auth: {
    /** A second SMS to one phone within this many seconds is 429 RATE_LIMITED. */
    smsResendSeconds: number
    /** After this many wrong codes for one phone, sign-in by SMS is refused (429) for wrongCodeLockMinutes. */
    maxWrongSmsCodes: number
    wrongCodeLockMinutes: number
    /** A token stops working this many days after it was issued. */
    sessionDays: number
  }
  /**
   * The community's review. Server-side, unlike AppConfig: the app never sees the banned words. Absent: immediate
   * review against the default list (community/rules.ts).
   */
  community?: {
    /** Posts that pass review stay 'pending' this long before they are published (0: at once). */
    reviewDelayMinutes: number
    bannedWords?: readonly string[]
  }
  /** Distribution's server-side knobs. Absent: DEFAULT_DISTRIBUTION_SETTINGS. */
  distribution?: Partial<DistributionSettings>
}

export type DistributionSettings = {
  /** The mock's review approves an application this long after it was made (0: at once). */
  applicationReviewMinutes: number
  /** The mock's payout pays a withdrawal this long after it was requested (0: at once). */
  withdrawalPayoutHours: number
  /** The second level's rate where the config has two commission levels. */
  secondLevelRateBps: number
  /** The task route: this check-in streak and this level (rank: V3 = 3). */
  taskStreakDays: number
  taskLevelRank: number
}

export const DEFAULT_DISTRIBUTION_SETTINGS: DistributionSettings = {
  applicationReviewMinutes: 30,
  withdrawalPayoutHours: 24,
  secondLevelRateBps: 300,
  taskStreakDays: 7,
  taskLevelRank: 3,
}

export const DEFAULT_SETTINGS: ServerSettings = {
  auth: { smsResendSeconds: 60, maxWrongSmsCodes: 5, wrongCodeLockMinutes: 15, sessionDays: 30 },
}

/** MOCK_AUTH_LIMITS=off (also false, 0, no; any case) switches every sign-in limit off. */
export const settingsFromEnv = (env: NodeJS.ProcessEnv): ServerSettings =>
  ['off', 'false', '0', 'no'].includes((env.MOCK_AUTH_LIMITS ?? '').trim().toLowerCase())
    ? { auth: { smsResendSeconds: 0, maxWrongSmsCodes: 0, wrongCodeLockMinutes: 0, sessionDays: 0 } }
    : DEFAULT_SETTINGS

export const isLoopbackAddress = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)

/**
 * Why the /__mock operator routes are off by default, or null where they are on. They have no auth. A server that
 * listens beyond this machine (MOCK_LISTEN_HOST) or is told to answer a public name (MOCK_ALLOWED_HOSTS) is reachable
 * from outside, and a server on a real PostgreSQL (DATABASE_URL) is a brand's program, often behind a reverse proxy
 * that sends Host: 127.0.0.1: there they would let anyone reset every table or sign in as any persona, so they are
 * off unless MOCK_TOOLS says on.
 */
export const operatorToolsOffBecause = (server: {
  databaseUrl: string | undefined
  listenHost: string
  allowedHosts: readonly string[]
}): 'DATABASE_URL' | 'MOCK_LISTEN_HOST' | 'MOCK_ALLOWED_HOSTS' | null =>
  server.databaseUrl
    ? 'DATABASE_URL'
    : !isLoopbackAddress(server.listenHost)
      ? 'MOCK_LISTEN_HOST'
      : server.allowedHosts.length > 0
        ? 'MOCK_ALLOWED_HOSTS'
        : null
