import * as v from 'valibot'
// From the index, not './common' (as community.ts): a direct import of an inner module from the subpackage pages
// stops webpack from concatenating the landed contract on the first screen (measured: +1.4 KB gzip on app.js).
import {
  BindingSource,
  Id,
  IsoDateTime,
  LevelCode,
  NonNegativeInt,
  PlainText,
  PositiveInt,
  ReferralCode,
} from './index'

// Distribution (domain-rules.md: Distribution and KOLs, Products and orders, Compliance), the part a tab or the
// app's start-up uses: the rights and how to get them (我的), a referral arrival (reported at launch) and the products
// (a feed card links one). The KOL center's schemas are in ./kol, orders' and membership plans' in ./orders.
// Imported by path (like community.ts): only the pages that use these schemas load them, and the mini-program's main
// package carries only this part. Money is integer fen everywhere; every date and state here is decided by the
// server's clock.

/** Which build is asking: some rules differ (WeChat forbids paid entry to distribution in the mini-program). */
export const CLIENTS = ['weapp', 'h5'] as const
export const Client = v.picklist(CLIENTS)
export type Client = v.InferOutput<typeof Client>

// ---------------------------------------------------------------------------------------------------------------
// Distribution rights

/** How a member became a distributor. `plan` exists only where the config allows it, and never for weapp. */
export const RIGHTS_ROUTES = ['invite_code', 'task', 'application', 'plan'] as const
export const RightsRoute = v.picklist(RIGHTS_ROUTES)
export type RightsRoute = v.InferOutput<typeof RightsRoute>

export const APPLICATION_STATES = ['none', 'pending', 'approved', 'rejected'] as const

export const DistributionStatusQuery = v.object({ client: v.optional(Client) })

export const DistributionStatus = v.object({
  isDistributor: v.boolean(),
  /**
   * Ever credited commission or asked for a withdrawal. With isDistributor false, a former distributor (the right
   * taken back, e.g. its plan refunded): they earn nothing new but still see their commission and withdraw it.
   */
  hasEarnings: v.boolean(),
  referralCode: v.nullable(v.string()),
  grantedBy: v.nullable(RightsRoute),
  grantedAt: v.nullable(IsoDateTime),
  /** An operator's KOL invite code (POST /distribution/apply {route: 'invite_code', code}). */
  inviteCode: v.object({ isOpen: v.boolean() }),
  /** The task: a check-in streak of `streak.target` days and level `level.target`, as the server sees them now. */
  task: v.object({
    isOpen: v.boolean(),
    streak: v.object({ current: NonNegativeInt, target: PositiveInt }),
    level: v.object({ current: LevelCode, target: LevelCode }),
    isMet: v.boolean(),
  }),
  /** The operator reviews an application; the mock approves it once its review delay has passed. */
  application: v.object({
    isOpen: v.boolean(),
    state: v.picklist(APPLICATION_STATES),
    appliedAt: v.nullable(IsoDateTime),
    /** When the review answers (the mock's delay); null when none is pending. */
    decidesAt: v.nullable(IsoDateTime),
    rejectReason: v.nullable(v.string()),
  }),
  /**
   * Plans that carry the right, for the asking client: always empty for weapp (WeChat forbids paid entry), and
   * for H5 only where the config allows it.
   */
  plan: v.object({ isOpen: v.boolean(), planIds: v.array(Id) }),
})
export type DistributionStatus = v.InferOutput<typeof DistributionStatus>

/** An operator's KOL invite code, e.g. KOL-2026. Typed in any case. */
export const InviteCode = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9-]{4,20}$/, '4 to 20 letters, digits or -'))

export const ApplyRequest = v.variant('route', [
  v.object({ route: v.literal('invite_code'), code: InviteCode }),
  v.object({ route: v.literal('task') }),
  v.object({ route: v.literal('application'), note: v.optional(v.pipe(PlainText, v.maxLength(200))) }),
])
export type ApplyRequest = v.InferInput<typeof ApplyRequest>

/** Why POST /distribution/apply was refused: 409 DISTRIBUTION_NOT_ALLOWED with `details.reason`. */
export const APPLY_REFUSALS = [
  'already_distributor',
  /** The config switched this route off. */
  'route_closed',
  /** No such invite code, or it is used up or expired. */
  'code_invalid',
  'task_not_met',
  'application_pending',
] as const
export type ApplyRefusal = (typeof APPLY_REFUSALS)[number]

// ---------------------------------------------------------------------------------------------------------------
// Referral arrivals (binding)

/** Why an arrival through a distributor's code did not bind (recorded for that distributor to see). */
export const ARRIVAL_REFUSALS = [
  /** Bound to a distributor (this one or another) whose protection still runs. */
  'already_bound',
  'own_code',
  /** The distributor is below the member in the member's own referral chain. */
  'cycle',
  /** The member's first-touch binding has run out: first touch is spent, nobody binds them again. */
  'window_over',
] as const
export const ArrivalRefusal = v.picklist(ARRIVAL_REFUSALS)
export type ArrivalRefusal = v.InferOutput<typeof ArrivalRefusal>

export const ArrivalRequest = v.object({
  code: ReferralCode,
  source: BindingSource,
  /** The 分享赚 post the member came through (source `post`). */
  postId: v.optional(Id),
})
export const ArrivalResult = v.object({
  isBound: v.boolean(),
  /** Null when bound; `unknown_code` is not recorded anywhere (there is no distributor to tell). */
  reason: v.nullable(v.picklist([...ARRIVAL_REFUSALS, 'unknown_code'])),
  /** The member's distributor after this arrival (new or earlier), if any. */
  distributor: v.nullable(v.object({ nickname: v.string() })),
})
export type ArrivalResult = v.InferOutput<typeof ArrivalResult>

// ---------------------------------------------------------------------------------------------------------------
// Products

export const Product = v.object({
  id: Id,
  name: v.string(),
  description: v.string(),
  images: v.array(v.string()),
  priceFen: PositiveInt,
  /** What the buyer's distributor earns on one (level 1). */
  commissionFen: NonNegativeInt,
})
export type Product = v.InferOutput<typeof Product>
export const ProductPage = v.object({ items: v.array(Product), nextCursor: v.nullable(v.string()) })
