import * as v from 'valibot'
import {
  BindingSource,
  CursorQuery,
  defineEndpoint,
  Gift,
  IsoDate,
  IsoDateTime,
  LedgerEntry,
  Member,
  NonNegativeInt,
  Ok,
  page,
  PlainText,
  REPORT_REASONS,
  SignedIn,
  Withdrawal,
} from './all'

/**
 * The operator tools under /api/v1/__mock/: served by the mock only (never by a brand's backend, and not with
 * MOCK_TOOLS=off or NODE_ENV=production). The preview console of non-production builds calls them; imported by
 * path, so the production app carries none of it.
 */

const Int = v.pipe(v.number(), v.integer())

/**
 * The clock may be set anywhere a preview makes sense, not to a year no date arithmetic is ready for: the mock
 * refuses a change (set, or a move by days or hours) that would make `today`, the business day in the program's
 * time zone, fall outside this window. The date a `set` is written with can be a day off that business day (its
 * zone is not the program's), so the schema checks only that it exists.
 */
export const EARLIEST_CLOCK_DAY = '2000-01-01'
export const LATEST_CLOCK_DAY = '2099-12-31'

export const Clock = v.object({ now: IsoDateTime, today: IsoDate })

export const ClockChange = v.pipe(
  v.object({
    advanceDays: v.optional(v.pipe(Int, v.minValue(-3650), v.maxValue(3650))),
    advanceHours: v.optional(v.pipe(Int, v.minValue(-87600), v.maxValue(87600))),
    set: v.optional(
      v.pipe(
        v.string(),
        v.isoTimestamp(),
        v.check((set) => {
          // Date.parse rolls 2030-02-30 over into March: the calendar date written must exist as written.
          const day = set.slice(0, 10)
          const isRealDay = new Date(Date.parse(`${day}T00:00:00Z`) || 0).toISOString().slice(0, 10) === day
          return isRealDay && Number.isFinite(Date.parse(set))
        }, `a real date-time (today stays from ${EARLIEST_CLOCK_DAY} to ${LATEST_CLOCK_DAY})`),
      ),
    ),
  }),
  v.check(
    (change) => [change.advanceDays, change.advanceHours, change.set].filter((part) => part !== undefined).length === 1,
    'exactly one of advanceDays, advanceHours or set',
  ),
)

/** `memberId` is the seeded member the persona signs in as: the console marks the persona whose member is on screen. */
export const Persona = v.object({ id: v.string(), memberId: v.string(), title: v.string(), description: v.string() })

export const GrantRequest = v.pipe(
  v.object({
    points: v.optional(v.pipe(Int, v.minValue(-1_000_000), v.maxValue(1_000_000))),
    growth: v.optional(v.pipe(Int, v.minValue(0), v.maxValue(1_000_000))),
    // Shown to the member as a ledger line (我的积分): plain text, like everything else people type.
    reason: v.optional(v.pipe(PlainText, v.trim(), v.minLength(1), v.maxLength(100))),
  }),
  v.check((grant) => grant.points !== undefined || grant.growth !== undefined, 'points or growth'),
)

export const Granted = v.object({ member: Member, entry: v.nullable(LedgerEntry) })

export const MockMemberState = v.object({
  member: Member,
  phone: v.nullable(v.string()),
  wechatOpenId: v.nullable(v.string()),
  signupRef: v.nullable(v.string()),
  referrer: v.nullable(
    v.object({ distributorId: v.string(), source: BindingSource, boundAt: IsoDateTime, protectedUntil: IsoDateTime }),
  ),
  fanCount: NonNegativeInt,
  ledger: v.array(LedgerEntry),
})

export const ConfigFinding = v.object({
  severity: v.picklist(['error', 'warning']),
  setting: v.string(),
  rule: v.string(),
  alternative: v.string(),
})
export type ConfigFinding = v.InferOutput<typeof ConfigFinding>

/** What the operator reviews: a post or a comment that reports hid. */
export const ReviewKind = v.picklist(['post', 'comment'])

/**
 * A hidden post or comment waiting for the operator: its words, its author, when it was hidden, and the reports
 * (how many, and per reason, most reported first).
 */
export const ReviewItem = v.object({
  kind: ReviewKind,
  id: v.string(),
  /** The post it is (a post) or is under (a comment). */
  postId: v.string(),
  text: v.string(),
  author: v.object({ id: v.string(), nickname: v.string() }),
  hiddenAt: IsoDateTime,
  reportCount: NonNegativeInt,
  reasons: v.array(v.object({ reason: v.picklist(REPORT_REASONS), count: NonNegativeInt })),
})
export type ReviewItem = v.InferOutput<typeof ReviewItem>

/**
 * The operator's decision: restore (visible again, its reports cleared) or remove with a reason (gone for members;
 * a post's author reads it in 我的笔记).
 */
export const ReviewDecision = v.variant('decision', [
  v.object({ kind: ReviewKind, decision: v.literal('restore') }),
  v.object({
    kind: ReviewKind,
    decision: v.literal('remove'),
    reason: v.pipe(PlainText, v.trim(), v.minLength(1), v.maxLength(100)),
  }),
])

export const ReviewDecided = v.object({ kind: ReviewKind, id: v.string(), decision: v.picklist(['restore', 'remove']) })
export type ReviewDecided = v.InferOutput<typeof ReviewDecided>

export const mockEndpoints = {
  mockReset: defineEndpoint({
    method: 'POST',
    path: '/__mock/reset',
    summary: 'Replace all data with a fresh seed (sessions end, clock back to real time)',
    isPublic: true,
    isIdempotent: false,
    response: Ok,
    status: 200,
  }),
  mockClock: defineEndpoint({
    method: 'GET',
    path: '/__mock/clock',
    summary: 'The mock clock and the business day',
    isPublic: true,
    isIdempotent: false,
    response: Clock,
    status: 200,
  }),
  mockSetClock: defineEndpoint({
    method: 'POST',
    path: '/__mock/clock',
    summary: 'Move the mock clock: advanceDays, advanceHours, or set (ISO-8601)',
    isPublic: true,
    isIdempotent: false,
    body: ClockChange,
    response: Clock,
    status: 200,
  }),
  mockPersonas: defineEndpoint({
    method: 'GET',
    path: '/__mock/personas',
    summary: 'Seeded members to preview the app as',
    isPublic: true,
    isIdempotent: false,
    response: page(Persona),
    status: 200,
  }),
  mockPersona: defineEndpoint({
    method: 'POST',
    path: '/__mock/persona',
    summary: 'Sign in as a persona',
    isPublic: true,
    isIdempotent: false,
    // The mock narrows this to its seeded personas (mock/preview/endpoints.ts).
    body: v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
    response: SignedIn,
    status: 200,
  }),
  mockMe: defineEndpoint({
    method: 'GET',
    path: '/__mock/me',
    summary: 'Everything the mock keeps about the signed-in member (referrer, fans, ledger)',
    isPublic: false,
    isIdempotent: false,
    response: MockMemberState,
    status: 200,
  }),
  mockGrant: defineEndpoint({
    method: 'POST',
    path: '/__mock/grant',
    summary: 'Give the signed-in member points (an adjustment entry; negative spends) and/or growth',
    isPublic: false,
    isIdempotent: true,
    body: GrantRequest,
    response: Granted,
    status: 200,
  }),
  mockSetGiftStock: defineEndpoint({
    method: 'PATCH',
    path: '/__mock/gifts/{id}',
    summary: "Set a gift's stock",
    isPublic: true,
    isIdempotent: false,
    body: v.object({ stock: v.pipe(Int, v.minValue(0), v.maxValue(1_000_000)) }),
    response: Gift,
    status: 200,
  }),
  mockDecideWithdrawal: defineEndpoint({
    method: 'POST',
    path: '/__mock/withdrawals/{id}',
    summary: 'Decide a requested withdrawal as the operator would: paid, or rejected with a reason (404 once decided)',
    isPublic: true,
    isIdempotent: false,
    body: v.variant('status', [
      v.object({ status: v.literal('paid') }),
      v.object({
        status: v.literal('rejected'),
        reason: v.pipe(PlainText, v.trim(), v.minLength(1), v.maxLength(100)),
      }),
    ]),
    response: Withdrawal,
    status: 200,
  }),
  mockReviews: defineEndpoint({
    method: 'GET',
    path: '/__mock/reviews',
    summary:
      'What waits for review: posts and comments hidden by 5 distinct reporters, with their reasons and report counts, newest first (cursor-paged)',
    isPublic: true,
    isIdempotent: false,
    query: CursorQuery,
    response: page(ReviewItem),
    status: 200,
  }),
  mockDecideReview: defineEndpoint({
    method: 'POST',
    path: '/__mock/reviews/{id}',
    summary:
      'Decide a hidden post or comment as the operator: restore (visible again, reports cleared) or remove with a reason (404 unless it waits for review)',
    isPublic: true,
    isIdempotent: false,
    body: ReviewDecision,
    response: ReviewDecided,
    status: 200,
  }),
  mockConfigCheck: defineEndpoint({
    method: 'GET',
    path: '/__mock/config-check',
    summary: 'What the config check says about the config in force (warnings: a config with an error never starts)',
    isPublic: true,
    isIdempotent: false,
    response: v.object({ findings: v.array(ConfigFinding) }),
    status: 200,
  }),
} as const
