import * as v from 'valibot'
// From the index, not './common' (see ./distribution).
import { BindingSource, CursorQuery, Id, IsoDateTime, LevelCode, NonNegativeInt, PositiveInt } from './index'
import { ArrivalRefusal } from './distribution'

// The KOL center (domain-rules.md: Distribution and KOLs): the distributor's card and mini-program code, fans, the
// arrivals that did not bind, commission and withdrawals. Only its subpackage pages load these (imported by path).

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

const FanMember = v.object({ id: Id, nickname: v.string(), avatarUrl: v.string() })

/**
 * The 分享赚 post a fan came through (source `post`): its id and the first words of its text, for the KOL to see which
 * posts bring fans. A post deleted since answers `isDeleted` and no words (the list says 笔记已删除, nothing to open).
 */
export const FanPost = v.object({ id: Id, excerpt: v.string(), isDeleted: v.boolean() })
export type FanPost = v.InferOutput<typeof FanPost>

export const Fan = v.object({
  member: FanMember,
  source: BindingSource,
  /** Which post, for a fan through a post; null for every other source. */
  post: v.nullable(FanPost),
  boundAt: IsoDateTime,
  protectedUntil: IsoDateTime,
  /** Until protectedUntil the fan's orders pay this distributor, whatever link they come through. */
  isProtected: v.boolean(),
})
export type Fan = v.InferOutput<typeof Fan>
export const FanPage = v.object({ items: v.array(Fan), nextCursor: v.nullable(v.string()) })

/** `?postId=`: only the fans (or the arrivals that did not bind) through that one post of the KOL's. */
export const FansQuery = v.object({ ...CursorQuery.entries, postId: v.optional(Id) })

/** An arrival through the distributor's code that did not bind, and why. */
export const Arrival = v.object({
  id: Id,
  member: FanMember,
  source: BindingSource,
  /** The 分享赚 post they came through, named as a fan's is; null for every other source. */
  post: v.nullable(FanPost),
  reason: ArrivalRefusal,
  arrivedAt: IsoDateTime,
})
export type Arrival = v.InferOutput<typeof Arrival>
export const ArrivalPage = v.object({ items: v.array(Arrival), nextCursor: v.nullable(v.string()) })

/**
 * One of the KOL's 分享赚 posts with what it brought, counted from the same rows 我的粉丝 reads: the fans bound through
 * it, the arrivals through it that did not bind (one a member, reason and day, as that list keeps them), the paid
 * orders placed through it (refunded ones not counted) and the commission those orders earned this KOL (reversed not
 * counted). Listed: every live 分享赚 post that is published, and any other (in review, hidden, deleted) that brought
 * something.
 *
 * Not every order through the post pays its author: a buyer bound to another KOL first (first touch) pays that KOL,
 * and one's own order (or one's upline's) pays nobody. So orderCount = creditedOrderCount + otherKolOrderCount + the
 * orders that paid no commission, and commissionFen is what the credited ones paid: the KOL sees where each order went.
 */
export const KolPostStats = v.object({
  post: FanPost,
  createdAt: IsoDateTime,
  fanCount: NonNegativeInt,
  arrivalCount: NonNegativeInt,
  /** Every paid order placed through the post. */
  orderCount: NonNegativeInt,
  /** Of orderCount, the orders that earned this KOL commission (any level, not reversed). */
  creditedOrderCount: NonNegativeInt,
  /** Of orderCount, the orders whose commission went to another KOL, the buyer's distributor by first touch. */
  otherKolOrderCount: NonNegativeInt,
  /**
   * Of creditedOrderCount, the orders that paid this KOL the level-2 commission, not the level-1 one the post's
   * product promises: the buyer is the fan of a KOL this KOL brought in (only with two commission levels). Absent
   * from a backend that does not count it: read as 0.
   */
  secondLevelOrderCount: v.optional(NonNegativeInt),
  commissionFen: NonNegativeInt,
})
export type KolPostStats = v.InferOutput<typeof KolPostStats>
/** `fans` (the default): most fans first, then newest; `newest`: newest first. */
export const KolPostSort = v.picklist(['fans', 'newest'])
export type KolPostSort = v.InferOutput<typeof KolPostSort>
export const KolPostsQuery = v.object({ ...CursorQuery.entries, sort: v.optional(KolPostSort) })
export const KolPostPage = v.object({ items: v.array(KolPostStats), nextCursor: v.nullable(v.string()) })

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

/**
 * How the buyer came to pay this KOL, read from the order, the buyer's binding and the commission's other level:
 * `fan`, bound to the KOL (first touch) and protected when they paid, through `source` (and `post`, for one bound through
 * a 分享赚 post); `post`, not their protected fan but the order came through the KOL's 分享赚 post (`post`); `link`, through
 * the KOL's link or code (`ref`); `downline`, level 2: their fan `downlineNickname` earned level 1 on the order.
 */
export const CommissionOrigin = v.object({
  kind: v.picklist(['fan', 'link', 'post', 'downline']),
  /** A fan's binding source; null for the other kinds. */
  source: v.nullable(BindingSource),
  post: v.nullable(FanPost),
  downlineNickname: v.nullable(v.string()),
})
export type CommissionOrigin = v.InferOutput<typeof CommissionOrigin>

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
  /** Added: how the buyer came to pay this KOL; null when the records do not say; a backend may leave it out. */
  origin: v.optional(v.nullable(CommissionOrigin)),
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
