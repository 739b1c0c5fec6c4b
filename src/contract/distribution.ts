import * as v from 'valibot'
// From the index, not './common' (as community.ts): a direct import of an inner module from the subpackage pages
// stops webpack from concatenating the landed contract on the first screen (measured: +1.4 KB gzip on app.js).
import {
  BindingSource,
  Id,
  IsoDate,
  IsoDateTime,
  LevelCode,
  NonNegativeInt,
  PlainText,
  PositiveInt,
  ReferralCode,
} from './index'

// Distribution and KOLs, products and orders, membership plans (domain-rules.md: Distribution and KOLs, Products
// and orders, Compliance). Imported by path (like community.ts): only the pages that use these schemas load them.
// Money is integer fen everywhere; every date and state here is decided by the server's clock.

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
// The card, the mini-program code, binding

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

export const KolLevel = v.object({ code: v.string(), name: v.string(), minFans: NonNegativeInt })
export type KolLevel = v.InferOutput<typeof KolLevel>

/** A distributor's referral card: everything the poster draws, and what the QR code and the share carry. */
export const ReferralCard = v.object({
  referralCode: v.string(),
  /** `/pages/home/index?ref=CODE`: the share path of useShareAppMessage and the H5 link's path. */
  sharePath: v.string(),
  /** `r=CODE`: the mini-program code's scene (at most 32 characters). */
  qrScene: v.string(),
  /** The page the mini-program code opens, without a query (wxacode.getUnlimited's `page`). */
  qrPage: v.string(),
  /** The mini-program code's image (PNG) for this card, on this server. */
  wxacodeUrl: v.string(),
  nickname: v.string(),
  avatarUrl: v.string(),
  levelCode: LevelCode,
  kolLevel: v.nullable(KolLevel),
})
export type ReferralCard = v.InferOutput<typeof ReferralCard>

/**
 * `GET /distribution/wxacode?scene=&page=&width=` (public, not in the JSON endpoint table: it answers image/png)
 * behaves like WeChat's wxacode.getUnlimited: a scene of at most 32 visible characters from WeChat's set, a page
 * path of the app without a leading slash or query. A bad input answers 400 with the usual error body and WeChat's
 * own `errcode` / `errmsg` beside it (WxacodeError), so a real backend can pass WeChat's answer through.
 */
export const WXACODE_PATH = '/distribution/wxacode'
export const WXACODE_SCENE_MAX = 32
/** WeChat's characters for a scene: letters, digits and !#$&'()*+,/:;=?@-._~ */
export const WXACODE_SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/
export const WxacodeError = v.object({
  error: v.object({ code: v.literal('WXACODE_INVALID'), message: v.string() }),
  errcode: v.picklist([40129, 40169, 41030]),
  errmsg: v.string(),
})

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

const FanMember = v.object({ id: Id, nickname: v.string(), avatarUrl: v.string() })

export const Fan = v.object({
  member: FanMember,
  source: BindingSource,
  boundAt: IsoDateTime,
  protectedUntil: IsoDateTime,
  /** Until protectedUntil the fan's orders pay this distributor, whatever link they come through. */
  isProtected: v.boolean(),
})
export type Fan = v.InferOutput<typeof Fan>
export const FanPage = v.object({ items: v.array(Fan), nextCursor: v.nullable(v.string()) })

/** An arrival through the distributor's code that did not bind, and why. */
export const Arrival = v.object({
  id: Id,
  member: FanMember,
  source: BindingSource,
  reason: ArrivalRefusal,
  arrivedAt: IsoDateTime,
})
export type Arrival = v.InferOutput<typeof Arrival>
export const ArrivalPage = v.object({ items: v.array(Arrival), nextCursor: v.nullable(v.string()) })

// ---------------------------------------------------------------------------------------------------------------
// KOL center, commission, withdrawals

export const CommissionStatus = v.picklist(['pending', 'settled', 'reversed'])
export type CommissionStatus = v.InferOutput<typeof CommissionStatus>

export const CommissionTotals = v.object({
  /** Commission created today (the server's business day), any status but reversed. */
  todayFen: NonNegativeInt,
  pendingFen: NonNegativeInt,
  settledFen: NonNegativeInt,
  reversedFen: NonNegativeInt,
  /** Withdrawals requested (not yet decided) and paid. */
  withdrawingFen: NonNegativeInt,
  withdrawnFen: NonNegativeInt,
  /** Settled minus withdrawing and withdrawn: what a withdrawal may ask for. */
  withdrawableFen: NonNegativeInt,
})
export type CommissionTotals = v.InferOutput<typeof CommissionTotals>

export const DistributionOverview = v.object({
  referralCode: v.string(),
  commission: CommissionTotals,
  fanCount: NonNegativeInt,
  kolLevel: v.object({
    current: v.nullable(KolLevel),
    next: v.nullable(KolLevel),
    /** Fans still needed for `next`; 0 at the top. */
    fansToNext: NonNegativeInt,
  }),
  /** The lowest amount a withdrawal may ask for (config). */
  withdrawMinFen: NonNegativeInt,
})
export type DistributionOverview = v.InferOutput<typeof DistributionOverview>

export const Commission = v.object({
  id: Id,
  orderId: Id,
  /** 1: the buyer's distributor; 2: that distributor's own distributor (only where the config has two levels). */
  level: v.picklist([1, 2]),
  orderAmountFen: PositiveInt,
  amountFen: NonNegativeInt,
  status: CommissionStatus,
  /** When it settles (pending), settled (settled), or would have (reversed). */
  settlesAt: IsoDateTime,
  createdAt: IsoDateTime,
  reversedAt: v.nullable(IsoDateTime),
  /** What was bought, and by whom (nickname only). */
  itemName: v.string(),
  buyerNickname: v.string(),
})
export type Commission = v.InferOutput<typeof Commission>
export const CommissionsQuery = v.object({
  status: v.optional(CommissionStatus),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^(?:[1-9]|[1-4]\d|50)$/, 'a whole number from 1 to 50'))),
})
export const CommissionPage = v.object({ items: v.array(Commission), nextCursor: v.nullable(v.string()) })

export const WithdrawalStatus = v.picklist(['requested', 'paid', 'rejected'])
export const Withdrawal = v.object({
  id: Id,
  amountFen: PositiveInt,
  status: WithdrawalStatus,
  requestedAt: IsoDateTime,
  decidedAt: v.nullable(IsoDateTime),
  rejectReason: v.nullable(v.string()),
})
export type Withdrawal = v.InferOutput<typeof Withdrawal>
export const WithdrawalPage = v.object({ items: v.array(Withdrawal), nextCursor: v.nullable(v.string()) })
export const WithdrawalRequest = v.object({ amountFen: v.pipe(PositiveInt, v.maxValue(100_000_000)) })

/** Why a withdrawal was refused: 409 WITHDRAWAL_NOT_ALLOWED with `details.reason`. */
export const WITHDRAWAL_REFUSALS = ['below_minimum', 'above_withdrawable', 'pending_exists'] as const
export type WithdrawalRefusal = (typeof WITHDRAWAL_REFUSALS)[number]

// ---------------------------------------------------------------------------------------------------------------
// Products and orders

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

export const OrderRequest = v.object({
  productId: Id,
  quantity: v.optional(v.pipe(PositiveInt, v.maxValue(99)), 1),
  /** The distributor's code of the link the buyer came through. */
  ref: v.optional(ReferralCode),
  /** The 分享赚 post the buyer came through: its author is the distributor. */
  postId: v.optional(Id),
})
export type OrderRequest = v.InferInput<typeof OrderRequest>

export const Order = v.object({
  id: Id,
  kind: v.picklist(['product', 'plan']),
  /** Null for a plan order. */
  productId: v.nullable(Id),
  /** Null for a product order. */
  planId: v.nullable(Id),
  itemName: v.string(),
  quantity: PositiveInt,
  amountFen: PositiveInt,
  status: v.picklist(['paid', 'refunded']),
  ref: v.nullable(v.string()),
  postId: v.nullable(Id),
  createdAt: IsoDateTime,
  /** A refund is possible until then (the points' pending window and the commission's settle window). */
  refundableUntil: IsoDateTime,
  refundedAt: v.nullable(IsoDateTime),
  /** 1 per yuan, pending until refundableUntil, then in the ledger; 0 once refunded. */
  points: NonNegativeInt,
  growth: NonNegativeInt,
  /** The ship-by time promised when it was ordered (48 h, 24 h with a plan's priority shipping); null for a plan. */
  shipBy: v.nullable(IsoDateTime),
  /** Ordered while a plan with priority shipping was in force. */
  priorityShipping: v.boolean(),
})
export type Order = v.InferOutput<typeof Order>
export const OrderPage = v.object({ items: v.array(Order), nextCursor: v.nullable(v.string()) })

/** Why a refund was refused: 409 REFUND_NOT_ALLOWED with `details.reason`. */
export const REFUND_REFUSALS = ['already_refunded', 'window_over'] as const

// ---------------------------------------------------------------------------------------------------------------
// Membership plans

export const PlanBenefits = v.object({
  /** Check-in points are multiplied by this (percent, 100 = x1) on top of the level's multiplier. */
  checkinMultiplierPercent: PositiveInt,
  /** A coupon of this value for each month of the plan (0: none). */
  monthlyCouponFen: NonNegativeInt,
  priorityShipping: v.boolean(),
})
export type PlanBenefits = v.InferOutput<typeof PlanBenefits>

export const Plan = v.object({
  id: Id,
  name: v.string(),
  tier: v.picklist(['ordinary', 'advanced']),
  period: v.picklist(['monthly', 'quarterly', 'yearly']),
  durationDays: PositiveInt,
  priceFen: PositiveInt,
  benefits: PlanBenefits,
  /** Buying it makes the member a distributor: for the asking client only (never weapp). */
  grantsDistribution: v.boolean(),
})
export type Plan = v.InferOutput<typeof Plan>
export const PlansQuery = v.object({ client: v.optional(Client) })
export const PlanList = v.object({ items: v.array(Plan) })

export const PurchaseRequest = v.object({
  planId: Id,
  /** The build buying: a plan never carries distribution rights for weapp. */
  client: Client,
})

/** One paid period of a plan: buying again queues a period after the last one (extends the membership). */
export const PlanPeriod = v.object({
  orderId: Id,
  planId: Id,
  name: v.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
})
export const PlanCoupon = v.object({
  code: v.string(),
  valueFen: PositiveInt,
  /** The month of the plan it belongs to, from its first day. */
  validFrom: IsoDate,
  validUntil: IsoDate,
  isVoid: v.boolean(),
})
export const MyPlan = v.object({
  /** The period in force now with its benefits; null when none is. */
  current: v.nullable(v.object({ ...PlanPeriod.entries, tier: Plan.entries.tier, benefits: PlanBenefits })),
  /** When the last paid period ends (the membership with every extension); null without one. */
  endsAt: v.nullable(IsoDateTime),
  periods: v.array(PlanPeriod),
  coupons: v.array(PlanCoupon),
})
export type MyPlan = v.InferOutput<typeof MyPlan>
export const Purchase = v.object({ order: Order, membership: MyPlan })
export type Purchase = v.InferOutput<typeof Purchase>
