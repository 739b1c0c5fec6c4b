import { randomInt } from 'node:crypto'
import type {
  ApplyRequest,
  Arrival,
  ArrivalResult,
  BindingSource,
  Client,
  Commission,
  CommissionOrigin,
  DistributionOverview,
  DistributionStatus,
  Fan,
  FanPost,
  KolPostSort,
  KolPostStats,
  LevelCode,
  ReferralCard,
  RightsRoute,
  Withdrawal,
} from '../../../src/contract/all'
import { WXACODE_PATH, WXACODE_SCENE_MAX, WXACODE_SCENE_PATTERN } from '../../../src/contract/all'
import { DAY_MS, HOUR_MS } from '../../platform/clock'
import { ApiError, notFound } from '../../platform/errors'
import type { Ctx } from '../../platform/http'
import { API_BASE_PATH, isoAt } from '../../platform/http'
import { newId } from '../../platform/ids'
import type { PageQuery } from '../../platform/paginate'
import { pageLimit, paginate, sqlPage, wholeCursorKey } from '../../platform/paginate'
import { DEFAULT_DISTRIBUTION_SETTINGS } from '../../platform/settings'
import type { DistributionSettings } from '../../platform/settings'
import { addDays, businessDay, instantOfDay } from '../../platform/time'
import type { MemberRow } from '../account/service'
import { lockMemberRow, memberById, shareableReferralCode, updateMemberFields } from '../account/service'
import { issueKolCertificate } from '../community/service'
import { currentStreakOf, levelCodeForGrowth, levelRank } from '../membership/service'
import * as data from './data'
import {
  arrivalRefusal,
  commissionEarner,
  commissionFen,
  isTaskMet,
  kolLevelFor,
  postExcerpt,
  secondLevelEarner,
  withdrawalRefusal,
  wxacodeRefusal,
} from './rules'
import type { EarningBinding } from './rules'
import { wxacodePng } from './wxacode'

export { bindingRefusal } from './rules'
export type { BindingSource } from '../../../src/contract/all'

// Distribution (domain-rules.md, Distribution and KOLs; Compliance): the right to distribute and its routes, who is
// bound to which distributor and every arrival that did not bind, commission on orders (pending, then settled by
// the server's clock when read, reversed by a refund before that), withdrawals, KOL levels. Writes run under the
// member's row lock (the http frame takes it); unique keys keep "once" where another member's request writes.

const settingsOf = (ctx: Ctx): DistributionSettings => ({
  ...DEFAULT_DISTRIBUTION_SETTINGS,
  ...ctx.settings.distribution,
})

export const SHARE_PAGE = 'pages/home/index'

// ---------------------------------------------------------------------------------------------------------------
// Rights

const REFERRAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** The config's length (six by default), without look-alikes (0/O, 1/I), unique whatever the case. */
const newReferralCode = async (ctx: Ctx): Promise<string> => {
  const length = ctx.config.distribution.referralCodeLength ?? 6
  for (;;) {
    const code = Array.from({ length }, () => REFERRAL_ALPHABET[randomInt(REFERRAL_ALPHABET.length)]).join('')
    const [taken] = await ctx.sql.query(`SELECT 1 FROM members WHERE upper(referral_code) = $1`, [code])
    if (!taken) return code
  }
}

/** Makes the member a distributor (once: the primary key decides) with a referral code of their own. */
export const grantRights = async (
  ctx: Ctx,
  memberId: string,
  route: RightsRoute | 'operator',
  orderId: string | null = null,
): Promise<boolean> => {
  if (!(await data.insertDistributor(ctx.sql, { memberId, route, orderId, at: ctx.nowMs }))) return false
  const member = await memberById(ctx, memberId)
  if (!member) throw new Error(`No member ${memberId}`)
  await updateMemberFields(ctx, memberId, {
    isDistributor: true,
    referralCode: member.referralCode ?? (await newReferralCode(ctx)),
  })
  return true
}

/** A refunded plan takes back the right it carried (its code stays the member's; fans stay bound). */
export const revokePlanRights = async (ctx: Ctx, orderId: string): Promise<void> => {
  const memberId = await data.deleteDistributorOfOrder(ctx.sql, orderId)
  if (memberId !== null) await updateMemberFields(ctx, memberId, { isDistributor: false })
}

/** The mock's review: an application whose delay has passed is approved when anyone looks. */
const settleApplication = async (ctx: Ctx, memberId: string): Promise<void> => {
  const application = await data.latestApplication(ctx.sql, memberId)
  if (application?.state !== 'pending' || application.decidesAt.getTime() > ctx.nowMs) return
  if (await data.approveDueApplication(ctx.sql, application.id, ctx.nowMs))
    await grantRights(ctx, memberId, 'application')
}

/** Whether the member is a distributor now (a due application counts: it is approved on the way). */
export const isDistributorNow = async (ctx: Ctx, memberId: string): Promise<boolean> => {
  await settleApplication(ctx, memberId)
  return (await memberById(ctx, memberId))?.isDistributor ?? false
}

const taskProgress = async (ctx: Ctx, member: MemberRow) => {
  const settings = settingsOf(ctx)
  const streak = await currentStreakOf(ctx, member.id)
  const current = levelCodeForGrowth(member.growth, ctx.config.levels)
  const target = `V${settings.taskLevelRank}` as LevelCode
  return {
    streak: { current: streak, target: settings.taskStreakDays },
    level: { current, target },
    isMet: isTaskMet({
      streak,
      streakTarget: settings.taskStreakDays,
      levelRank: levelRank(current),
      levelTarget: settings.taskLevelRank,
    }),
  }
}

/** Plans that carry the right for this client: never for weapp (WeChat forbids paid entry), on H5 by config. */
export const planRoutesOpen = (ctx: Ctx, client: Client): boolean =>
  client === 'h5' && ctx.config.distribution.routes.plan === true

export const statusOf = async (
  ctx: Ctx,
  memberId: string,
  client: Client,
  planIdsGranting: readonly string[],
): Promise<DistributionStatus> => {
  await settleApplication(ctx, memberId)
  const member = await memberById(ctx, memberId)
  if (!member) throw new Error(`No member ${memberId}`)
  const distributor = await data.distributorOf(ctx.sql, memberId)
  const application = await data.latestApplication(ctx.sql, memberId)
  const { routes } = ctx.config.distribution
  const planIds = planRoutesOpen(ctx, client) ? [...planIdsGranting] : []
  return {
    isDistributor: member.isDistributor,
    hasEarnings: await hasEarnings(ctx, memberId),
    referralCode: shareableReferralCode(ctx, member),
    grantedBy: distributor && distributor.route !== 'operator' ? distributor.route : null,
    grantedAt: distributor ? isoAt(ctx, distributor.grantedAt) : null,
    inviteCode: { isOpen: routes.inviteCode },
    task: { isOpen: routes.task, ...(await taskProgress(ctx, member)) },
    application: {
      isOpen: routes.application,
      state: application?.state ?? 'none',
      appliedAt: application ? isoAt(ctx, application.appliedAt) : null,
      decidesAt: application?.state === 'pending' ? isoAt(ctx, application.decidesAt) : null,
      rejectReason: application?.rejectReason ?? null,
    },
    plan: { isOpen: planIds.length > 0, planIds },
  }
}

const refuseApply = (reason: string, message: string): ApiError =>
  new ApiError('DISTRIBUTION_NOT_ALLOWED', message, { reason })

export const apply = async (
  ctx: Ctx,
  member: MemberRow,
  request: ApplyRequest,
  client: Client,
  planIdsGranting: readonly string[],
): Promise<DistributionStatus> => {
  await settleApplication(ctx, member.id)
  if (await data.distributorOf(ctx.sql, member.id))
    throw refuseApply('already_distributor', 'You already have distribution rights.')
  const { routes } = ctx.config.distribution
  switch (request.route) {
    case 'invite_code': {
      if (!routes.inviteCode) throw refuseApply('route_closed', 'Invite codes are not accepted at the moment.')
      if (!(await data.useInviteCode(ctx.sql, request.code, ctx.nowMs)))
        throw refuseApply('code_invalid', 'This invite code does not exist, has expired or is used up.')
      await grantRights(ctx, member.id, 'invite_code')
      break
    }
    case 'task': {
      if (!routes.task) throw refuseApply('route_closed', 'The task route is closed at the moment.')
      if (!(await taskProgress(ctx, member)).isMet)
        throw refuseApply('task_not_met', 'The streak or the level is not there yet.')
      await grantRights(ctx, member.id, 'task')
      break
    }
    case 'application': {
      if (!routes.application) throw refuseApply('route_closed', 'Applications are closed at the moment.')
      const minutes = settingsOf(ctx).applicationReviewMinutes
      const inserted = await data.insertApplication(ctx.sql, {
        id: await newId(ctx.sql, 'da'),
        memberId: member.id,
        note: request.note ?? '',
        at: ctx.nowMs,
        decidesAt: ctx.nowMs + minutes * 60_000,
      })
      if (!inserted) throw refuseApply('application_pending', 'Your application is already under review.')
      break
    }
  }
  return statusOf(ctx, member.id, client, planIdsGranting)
}

// ---------------------------------------------------------------------------------------------------------------
// Binding

export const distributorIdOfCode = async (ctx: Ctx, code: string): Promise<string | null> =>
  (
    await ctx.sql.query<{ id: string }>(
      `SELECT id FROM members WHERE upper(referral_code) = upper($1) AND is_distributor`,
      [code],
    )
  )[0]?.id ?? null

/** A KOL level reached gets its certificate (once per level: a unique key). */
const certifyKolLevel = async (ctx: Ctx, distributorId: string): Promise<void> => {
  const fans = await data.fanCount(ctx.sql, distributorId)
  const reached = ctx.config.distribution.kolLevels.filter((level) => fans >= level.minFans)
  for (const level of reached) await issueKolCertificate(ctx, distributorId, level)
}

/**
 * A KOL level's certificate runs for a year: a distributor who still holds the level gets the next one when they
 * look (GET /certificates, the KOL center and the card read it), so the card and the center never lose it.
 */
export const renewKolCertificates = async (ctx: Ctx, memberId: string): Promise<void> => {
  if (await isDistributorNow(ctx, memberId)) await certifyKolLevel(ctx, memberId)
}

/**
 * A member arrived through a distributor: bound when arrivalRefusal allows (first touch), else the arrival is
 * recorded with its reason for the distributor to see. Answers the distributor bound now, or null.
 */
export const arriveVia = async (
  ctx: Ctx,
  memberId: string,
  distributorId: string,
  source: BindingSource,
  { postId = null, isSignup = false }: { postId?: string | null; isSignup?: boolean } = {},
): Promise<{ isBound: boolean; reason: ArrivalResult['reason'] }> => {
  // "No cycles" spans members, so the check and the insert must not run on a stale view. The member's row is
  // locked (the frame holds it already for a signed-in write; sign-in is public and has not), then the
  // distributor's row is held against their own writes. Any edge that would close a loop through this member
  // points at them, so its transaction waits for this one and then sees this binding (two members binding each
  // other at once deadlock instead, and PostgreSQL retries the loser, which then sees the other's binding).
  await lockMemberRow(ctx, memberId)
  await data.holdMember(ctx.sql, distributorId)
  const binding = await data.bindingOf(ctx.sql, memberId)
  const reason = arrivalRefusal({
    memberId,
    distributorId,
    binding: binding && { distributorId: binding.distributorId, protectedUntilMs: binding.protectedUntil.getTime() },
    distributorChain: await data.chainAbove(ctx.sql, distributorId),
    nowMs: ctx.nowMs,
  })
  const isBound =
    reason === null &&
    (await data.insertBinding(ctx.sql, {
      memberId,
      distributorId,
      source,
      postId,
      at: ctx.nowMs,
      protectedUntil: ctx.nowMs + ctx.config.distribution.bindingDays * DAY_MS,
      atSignup: isSignup,
    }))
  if (isBound) {
    await certifyKolLevel(ctx, distributorId)
    return { isBound, reason: null }
  }
  const recorded = reason ?? 'already_bound'
  // A fan coming back through their own distributor's code is no lost arrival, protected or not: they are in that
  // KOL's 我的粉丝 already, and an order through the code still pays them. Listing them as 未绑定 would say the KOL
  // lost a fan they have.
  const isOwnFanReturning = binding?.distributorId === distributorId
  if (isOwnFanReturning) return { isBound: false, reason: recorded }
  // One row per member, reason and source a business day: a signed-in member could otherwise add a row with every
  // request (a new Idempotency-Key each time) and bury the KOL's list, which is read whole. The answer is the same.
  const sinceMs = instantOfDay(businessDay(ctx.nowMs, ctx.config.timeZone), ctx.config.timeZone)
  if (await data.hasArrivalSince(ctx.sql, { distributorId, memberId, source, reason: recorded, sinceMs }))
    return { isBound: false, reason: recorded }
  await data.insertArrival(ctx.sql, {
    id: await newId(ctx.sql, 'ar'),
    distributorId,
    memberId,
    source,
    reason: recorded,
    postId,
    at: ctx.nowMs,
  })
  return { isBound: false, reason: recorded }
}

/**
 * An arrival through a referral code (sign-in, a link opened while signed in, an order). An unknown code, or one
 * of a member who no longer distributes, binds nothing and fails nothing. Answers the distributor bound now.
 */
export const bindByReferral = async (
  ctx: Ctx,
  memberId: string,
  code: string,
  source: BindingSource,
  options: { postId?: string | null; isSignup?: boolean } = {},
): Promise<string | null> => {
  const distributorId = await distributorIdOfCode(ctx, code)
  if (distributorId === null) return null
  // A sign-in from a 分享赚 post names it (refPostId), taken on the same terms as an arrival's postId.
  // Without a post named, `post` is no 笔记 either: it binds as a link, as recordArrival's does.
  const via = await throughPost(ctx, distributorId, source, options.postId ?? undefined)
  return (await arriveVia(ctx, memberId, distributorId, via.source, { ...options, postId: via.postId })).isBound
    ? distributorId
    : null
}

/**
 * A post is taken on its word only when it is a 分享赚 post of this code's distributor that is still up: anything
 * else (another member's post, a deleted or hidden one, none named) arrived through the code alone, as a link.
 */
const throughPost = async (
  ctx: Ctx,
  distributorId: string,
  source: BindingSource,
  postId: string | undefined,
): Promise<{ source: BindingSource; postId: string | null }> => {
  if (source !== 'post') return { source, postId: null }
  const isTheirPost = postId !== undefined && (await data.earnPostAuthor(ctx.sql, postId)) === distributorId
  return isTheirPost ? { source, postId } : { source: 'link', postId: null }
}

export const recordArrival = async (
  ctx: Ctx,
  memberId: string,
  request: { code: string; source: BindingSource; postId?: string },
): Promise<ArrivalResult> => {
  const distributorId = await distributorIdOfCode(ctx, request.code)
  const result =
    distributorId === null
      ? { isBound: false, reason: 'unknown_code' as const }
      : await throughPost(ctx, distributorId, request.source, request.postId).then((via) =>
          arriveVia(ctx, memberId, distributorId, via.source, { postId: via.postId }),
        )
  const binding = await data.bindingOf(ctx.sql, memberId)
  const distributor = binding ? await memberById(ctx, binding.distributorId) : null
  return { ...result, distributor: distributor ? { nickname: distributor.nickname } : null }
}

/** Business days on which friends registered through this distributor's code (the invite task counts them). */
export const inviteDays = async (ctx: Ctx, distributorId: string): Promise<string[]> =>
  (await data.signupBindingTimes(ctx.sql, distributorId)).map((at) => businessDay(at.getTime(), ctx.config.timeZone))

export const referrerOf = async (ctx: Ctx, memberId: string) => {
  const row = await data.bindingOf(ctx.sql, memberId)
  return row
    ? {
        distributorId: row.distributorId,
        source: row.source,
        boundAt: isoAt(ctx, row.boundAt),
        protectedUntil: isoAt(ctx, row.protectedUntil),
      }
    : null
}

export const fanCount = (ctx: Ctx, distributorId: string): Promise<number> => data.fanCount(ctx.sql, distributorId)

// Two guards, one rule: what works the right needs the right now (requireDistributor: the card and its code, fans,
// arrivals; 分享赚 posts ask isDistributorNow, and only a distributor's code binds, distributorIdOfCode). The money
// earned with it (commission, the overview's totals, withdrawals) stays its earner's after the right is taken back
// (a refunded plan): nothing new accrues (commissionEarner), but what was earned can still be seen and withdrawn on
// the usual terms (requireEarner). Anyone else: 403 NOT_DISTRIBUTOR, as before.

const notDistributor = (): ApiError =>
  new ApiError('NOT_DISTRIBUTOR', 'Only distributors have this: get the right first.')

/** The right's tools: a distributor now (a due application is approved on the way) with their referral code. */
const requireDistributor = async (ctx: Ctx, memberId: string): Promise<MemberRow> => {
  await settleApplication(ctx, memberId)
  const member = await memberById(ctx, memberId)
  if (!member?.isDistributor || member.referralCode === null) throw notDistributor()
  return member
}

/** Whether the member ever earned commission or asked for a withdrawal: money of theirs, with or without the right. */
export const hasEarnings = (ctx: Ctx, memberId: string): Promise<boolean> => data.hasEarnings(ctx.sql, memberId)

/**
 * The money routes (overview, commission, withdrawals): a distributor now, or a former one with earnings, who keeps
 * seeing and withdrawing them. A member who never earned and does not distribute is refused as before.
 */
const requireEarner = async (ctx: Ctx, memberId: string): Promise<MemberRow> => {
  await settleApplication(ctx, memberId)
  const member = await memberById(ctx, memberId)
  if (!member || !(member.isDistributor || (await hasEarnings(ctx, memberId)))) throw notDistributor()
  return member
}

/** A post named in the KOL's lists: its first words, or `isDeleted` and no words once it is gone. */
const fanPostOf = (postId: string, postText: string | null): FanPost => ({
  id: postId,
  excerpt: postText === null ? '' : postExcerpt(postText),
  isDeleted: postText === null,
})

export const fansPage = async (ctx: Ctx, memberId: string, query: PageQuery & { postId?: string }) => {
  await requireDistributor(ctx, memberId)
  wholeCursorKey(query, ['number', 'string'] as const)
  const rows = await data.fansOf(ctx.sql, memberId, query.postId ?? null)
  const fans: (Fan & { key: [number, string] })[] = rows.map((row) => ({
    member: { id: row.memberId, nickname: row.nickname, avatarUrl: row.avatarUrl },
    source: row.source,
    post: row.postId === null ? null : fanPostOf(row.postId, row.postText),
    boundAt: isoAt(ctx, row.boundAt),
    protectedUntil: isoAt(ctx, row.protectedUntil),
    isProtected: row.protectedUntil.getTime() > ctx.nowMs,
    key: [-row.boundAt.getTime(), row.memberId],
  }))
  const page = paginate(fans, (fan) => fan.key, query)
  return { items: page.items.map(({ key: _key, ...fan }) => fan), nextCursor: page.nextCursor }
}

export const arrivalsPage = async (ctx: Ctx, memberId: string, query: PageQuery & { postId?: string }) => {
  await requireDistributor(ctx, memberId)
  wholeCursorKey(query, ['number', 'number'] as const)
  const rows = await data.arrivalsOf(ctx.sql, memberId, query.postId ?? null)
  const page = paginate(rows, (row) => [-row.arrivedAt.getTime(), -row.position], query)
  return {
    items: page.items.map((row): Arrival => ({
      id: row.id,
      member: { id: row.memberId, nickname: row.nickname, avatarUrl: row.avatarUrl },
      source: row.source,
      post: row.postId === null ? null : fanPostOf(row.postId, row.postText),
      reason: row.reason,
      arrivedAt: isoAt(ctx, row.arrivedAt),
    })),
    nextCursor: page.nextCursor,
  }
}

/**
 * Which of the KOL's 分享赚 posts bring fans: each post with the fans, unbound arrivals, paid orders and commission it
 * brought, one query a page (most fans first by default, or newest first).
 */
export const postStatsPage = async (
  ctx: Ctx,
  memberId: string,
  query: PageQuery & { sort?: KolPostSort },
): Promise<{ items: KolPostStats[]; nextCursor: string | null }> => {
  await requireDistributor(ctx, memberId)
  await data.settleDue(ctx.sql, ctx.nowMs, memberId)
  const sort = query.sort ?? 'fans'
  const limit = pageLimit(query)
  const after =
    sort === 'fans'
      ? wholeCursorKey(query, ['number', 'number', 'string'] as const)
      : wholeCursorKey(query, ['number', 'string'] as const)
  const rows = await data.postStatsOf(ctx.sql, memberId, { sort, after, limit })
  const page = sqlPage(rows, limit, (row) =>
    sort === 'fans' ? [-row.fanCount, -row.createdAt.getTime(), row.id] : [-row.createdAt.getTime(), row.id],
  )
  return {
    items: page.items.map((row) => ({
      post: fanPostOf(row.id, row.postText),
      createdAt: isoAt(ctx, row.createdAt),
      fanCount: row.fanCount,
      arrivalCount: row.arrivalCount,
      orderCount: row.orderCount,
      creditedOrderCount: row.creditedOrderCount,
      otherKolOrderCount: row.otherKolOrderCount,
      secondLevelOrderCount: row.secondLevelOrderCount,
      commissionFen: row.commissionFen,
    })),
    nextCursor: page.nextCursor,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Card and the mini-program code

export const sceneOf = (referralCode: string): string => `r=${referralCode}`

export const cardOf = async (ctx: Ctx, memberId: string, origin: string): Promise<ReferralCard> => {
  const member = await requireDistributor(ctx, memberId)
  const code = member.referralCode ?? ''
  const scene = sceneOf(code)
  const url = new URL(`${origin}${API_BASE_PATH}${WXACODE_PATH}`)
  url.searchParams.set('scene', scene)
  url.searchParams.set('page', SHARE_PAGE)
  return {
    referralCode: code,
    sharePath: `/${SHARE_PAGE}?ref=${encodeURIComponent(code)}`,
    qrScene: scene,
    qrPage: SHARE_PAGE,
    wxacodeUrl: url.toString(),
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
    levelCode: levelCodeForGrowth(member.growth, ctx.config.levels),
    kolLevel: kolLevelFor(await data.fanCount(ctx.sql, memberId), ctx.config.distribution.kolLevels).current,
  }
}

/**
 * wxacode.getUnlimited's answer: the image, or WeChat's error (errcode / errmsg) beside the usual error body.
 * `width` is clamped to WeChat's 280..1280 like WeChat does.
 */
export const wxacodeImage = (query: URLSearchParams): { bytes: Uint8Array; contentType: string } => {
  const scene = query.get('scene') ?? ''
  const page = query.get('page') ?? ''
  const refusal = wxacodeRefusal(scene, page, WXACODE_SCENE_MAX, WXACODE_SCENE_PATTERN)
  if (refusal)
    throw new ApiError('WXACODE_INVALID', refusal.errmsg, undefined, {
      extraBody: { errcode: refusal.errcode, errmsg: refusal.errmsg },
    })
  const requested = Number(query.get('width') ?? 430)
  const width = Math.min(1280, Math.max(280, Number.isFinite(requested) ? Math.round(requested) : 430))
  return { bytes: wxacodePng(scene, page || SHARE_PAGE, width), contentType: 'image/png' }
}

// ---------------------------------------------------------------------------------------------------------------
// Commission

/** A member's binding as the commission rules read it: whether their distributor holds the right now included. */
const earningBindingOf = async (ctx: Ctx, memberId: string): Promise<EarningBinding | null> => {
  const binding = await data.bindingOf(ctx.sql, memberId)
  if (!binding) return null
  return {
    distributorId: binding.distributorId,
    protectedUntilMs: binding.protectedUntil.getTime(),
    holdsRights: await isDistributorNow(ctx, binding.distributorId),
  }
}

/**
 * The commission of a paid order: level 1 to commissionEarner's distributor, level 2 to secondLevelEarner's where
 * the config has two levels. Pending until the settle window passes. `viaDistributorId` holds the right now.
 */
export const commissionOnOrder = async (
  ctx: Ctx,
  order: { id: string; memberId: string; amountFen: number },
  viaDistributorId: string | null,
): Promise<void> => {
  const earner = commissionEarner({
    buyerId: order.memberId,
    binding: await earningBindingOf(ctx, order.memberId),
    viaDistributorId,
    viaChain: viaDistributorId === null ? [] : await data.chainAbove(ctx.sql, viaDistributorId),
    nowMs: ctx.nowMs,
  })
  if (earner === null) return
  const { settleDays, commissionRateBps, commissionLevels } = ctx.config.distribution
  const settlesAt = ctx.nowMs + settleDays * DAY_MS
  await data.insertCommission(ctx.sql, {
    id: await newId(ctx.sql, 'cm'),
    distributorId: earner,
    orderId: order.id,
    level: 1,
    amountFen: commissionFen(order.amountFen, commissionRateBps),
    status: 'pending',
    settlesAt,
    at: ctx.nowMs,
  })
  const rate = settingsOf(ctx).secondLevelRateBps
  if (commissionLevels !== 2 || rate === 0) return
  const upstream = secondLevelEarner({
    buyerId: order.memberId,
    earnerBinding: await earningBindingOf(ctx, earner),
    nowMs: ctx.nowMs,
  })
  if (upstream === null) return
  await data.insertCommission(ctx.sql, {
    id: await newId(ctx.sql, 'cm'),
    distributorId: upstream,
    orderId: order.id,
    level: 2,
    amountFen: commissionFen(order.amountFen, rate),
    status: 'pending',
    settlesAt,
    at: ctx.nowMs,
  })
}

/** The seed's history: a commission as it was written back then (reversed at once when its order was refunded). */
export const recordCommission = async (
  ctx: Ctx,
  order: { id: string; amountFen: number; isRefunded: boolean },
  distributorId: string,
): Promise<void> => {
  const { settleDays, commissionRateBps } = ctx.config.distribution
  await data.insertCommission(ctx.sql, {
    id: await newId(ctx.sql, 'cm'),
    distributorId,
    orderId: order.id,
    level: 1,
    amountFen: commissionFen(order.amountFen, commissionRateBps),
    status: order.isRefunded ? 'reversed' : 'pending',
    settlesAt: ctx.nowMs + settleDays * DAY_MS,
    at: ctx.nowMs,
  })
}

/** What the buyer's distributor earns on this amount (level 1): shown beside a product's price. */
export const commissionFor = (ctx: Ctx, amountFen: number): number =>
  commissionFen(amountFen, ctx.config.distribution.commissionRateBps)

/** A refund inside the settle window reverses the order's commission, once however many refunds arrive. */
export const reverseCommissions = (ctx: Ctx, orderId: string): Promise<number> =>
  data.reverseForOrder(ctx.sql, orderId, ctx.nowMs)

/** Commissions whose settle window has passed are settled (refunds inside the window reverse them first). */
export const settleDueCommissions = (ctx: Ctx): Promise<void> => data.settleDue(ctx.sql, ctx.nowMs)

const totalsOf = async (ctx: Ctx, memberId: string) => {
  await data.settleDue(ctx.sql, ctx.nowMs, memberId)
  await data.payDueWithdrawals(ctx.sql, memberId, ctx.nowMs)
  const today = businessDay(ctx.nowMs, ctx.config.timeZone)
  const commission = await data.commissionTotals(ctx.sql, memberId, {
    startMs: instantOfDay(today, ctx.config.timeZone),
    endMs: instantOfDay(addDays(today, 1), ctx.config.timeZone),
  })
  const withdrawals = await data.withdrawalTotals(ctx.sql, memberId)
  return {
    ...commission,
    ...withdrawals,
    withdrawableFen: Math.max(0, commission.settledFen - withdrawals.withdrawingFen - withdrawals.withdrawnFen),
  }
}

/** The KOL center's head; a former distributor's has their money, and '' for the code (it binds nobody now). */
export const overviewOf = async (ctx: Ctx, memberId: string): Promise<DistributionOverview> => {
  const member = await requireEarner(ctx, memberId)
  const fans = await data.fanCount(ctx.sql, memberId)
  return {
    referralCode: member.isDistributor ? (member.referralCode ?? '') : '',
    commission: await totalsOf(ctx, memberId),
    fanCount: fans,
    kolLevel: kolLevelFor(fans, ctx.config.distribution.kolLevels),
    withdrawMinFen: ctx.config.distribution.withdrawMinFen,
  }
}

/**
 * How the buyer came to pay: by the rule that chose the earner (commissionEarner: the protected binding first, then
 * the order's post or link; level 2 through the level-1 earner, this distributor's fan). Null when the records say
 * none of these (a seeded row of an order with no code).
 */
const originOf = (row: data.CommissionRow): CommissionOrigin | null => {
  const none = { source: null, post: null, downlineNickname: null }
  if (row.level === 2)
    return row.downlineNickname === null ? null : { ...none, kind: 'downline', downlineNickname: row.downlineNickname }
  if (row.fanSource !== null)
    return {
      ...none,
      kind: 'fan',
      source: row.fanSource,
      post: row.fanSource === 'post' && row.fanPostId !== null ? fanPostOf(row.fanPostId, row.fanPostText) : null,
    }
  if (row.orderPostId !== null) return { ...none, kind: 'post', post: fanPostOf(row.orderPostId, row.orderPostText) }
  return row.hasRef ? { ...none, kind: 'link' } : null
}

export const commissionsPage = async (
  ctx: Ctx,
  memberId: string,
  query: PageQuery & { status?: Commission['status'] },
) => {
  await requireEarner(ctx, memberId)
  await data.settleDue(ctx.sql, ctx.nowMs, memberId)
  const limit = pageLimit(query)
  // The cursor keeps the shape it always had: the last row's negated time and position.
  const key = wholeCursorKey(query, ['number', 'number'] as const)
  const rows = await data.commissionsOf(ctx.sql, memberId, {
    status: query.status ?? null,
    after: key === null ? null : [-key[0], -key[1]],
    limit,
  })
  const page = sqlPage(rows, limit, (row) => [-row.createdAt.getTime(), -row.position])
  return {
    items: page.items.map((row): Commission => ({
      id: row.id,
      orderId: row.orderId,
      level: row.level,
      orderAmountFen: row.orderAmountFen,
      amountFen: row.amountFen,
      status: row.status,
      settlesAt: isoAt(ctx, row.settlesAt),
      createdAt: isoAt(ctx, row.createdAt),
      reversedAt: row.reversedAt ? isoAt(ctx, row.reversedAt) : null,
      itemName: row.itemName,
      buyerNickname: row.buyerNickname,
      origin: originOf(row),
    })),
    nextCursor: page.nextCursor,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Withdrawals

const toWithdrawal = (ctx: Ctx, row: data.WithdrawalRow): Withdrawal => ({
  id: row.id,
  amountFen: row.amountFen,
  status: row.status,
  requestedAt: isoAt(ctx, row.requestedAt),
  decidedAt: row.decidedAt ? isoAt(ctx, row.decidedAt) : null,
  rejectReason: row.rejectReason,
})

const WITHDRAWAL_MESSAGES = {
  below_minimum: 'A withdrawal starts at the minimum amount.',
  pending_exists: 'A withdrawal is already pending: wait until it is paid or rejected.',
  above_withdrawable: 'That is more than your settled commission still available.',
} as const

/**
 * A withdrawal of settled commission: from the minimum, within what is withdrawable, one pending at a time. The
 * member's row lock orders a member's requests; the partial unique index keeps one pending even without it.
 */
export const requestWithdrawal = async (ctx: Ctx, memberId: string, amountFen: number): Promise<Withdrawal> => {
  await requireEarner(ctx, memberId)
  const totals = await totalsOf(ctx, memberId)
  const minFen = ctx.config.distribution.withdrawMinFen
  const refusal = withdrawalRefusal({
    amountFen,
    minFen,
    hasPending: totals.withdrawingFen > 0,
    withdrawableFen: totals.withdrawableFen,
  })
  const details = { minFen, withdrawableFen: totals.withdrawableFen }
  if (refusal)
    throw new ApiError('WITHDRAWAL_NOT_ALLOWED', WITHDRAWAL_MESSAGES[refusal], { reason: refusal, ...details })
  const row = await data.insertWithdrawal(ctx.sql, {
    id: await newId(ctx.sql, 'wd'),
    distributorId: memberId,
    amountFen,
    at: ctx.nowMs,
    paysAt: ctx.nowMs + settingsOf(ctx).withdrawalPayoutHours * HOUR_MS,
  })
  if (!row)
    throw new ApiError('WITHDRAWAL_NOT_ALLOWED', WITHDRAWAL_MESSAGES.pending_exists, {
      reason: 'pending_exists',
      ...details,
    })
  return toWithdrawal(ctx, row)
}

/** One's own withdrawals, rights or not (a member who never earned has none: an empty list, not a 403). */
export const withdrawalsPage = async (ctx: Ctx, memberId: string, query: PageQuery) => {
  wholeCursorKey(query, ['number', 'number'] as const)
  await data.payDueWithdrawals(ctx.sql, memberId, ctx.nowMs)
  const rows = await data.withdrawalsOf(ctx.sql, memberId)
  const page = paginate(rows, (row) => [-row.requestedAt.getTime(), -row.position], query)
  return { items: page.items.map((row) => toWithdrawal(ctx, row)), nextCursor: page.nextCursor }
}

/** The operator's decision on a requested withdrawal (the mock's tool); one already decided is 404. */
export const decideWithdrawal = async (
  ctx: Ctx,
  id: string,
  decision: { status: 'paid' | 'rejected'; reason: string | null },
): Promise<Withdrawal> => {
  const row = await data.decideWithdrawal(ctx.sql, id, { ...decision, at: ctx.nowMs })
  if (!row) throw notFound('A requested withdrawal')
  return toWithdrawal(ctx, row)
}

/** The seed's history: a withdrawal requested back then and decided. */
export const seedWithdrawal = async (
  ctx: Ctx,
  memberId: string,
  amountFen: number,
  decision: { status: 'paid' | 'rejected'; reason: string | null; at: number },
): Promise<void> => {
  const row = await data.insertWithdrawal(ctx.sql, {
    id: await newId(ctx.sql, 'wd'),
    distributorId: memberId,
    amountFen,
    at: ctx.nowMs,
    paysAt: decision.at,
  })
  if (!row) throw new Error('The seed withdrawal clashes with a pending one')
  await data.decideWithdrawal(ctx.sql, row.id, decision)
}

export const createInviteCodes = (
  ctx: Ctx,
  codes: readonly { code: string; maxUses: number | null; expiresAt: number | null }[],
): Promise<void> => data.insertInviteCodes(ctx.sql, codes)
