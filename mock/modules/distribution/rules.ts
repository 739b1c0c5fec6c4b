import type { ArrivalRefusal, KolLevel, WithdrawalRefusal } from '../../../src/contract/all'

// Distribution's rules as pure functions (domain-rules.md, Distribution and KOLs). The service reads the facts and
// keeps the answers inside one transaction; these decide.

export type BindingLink = { memberId: string; distributorId: string }
export type BindingRefusal = 'self' | 'already_bound' | 'cycle'

/**
 * First touch wins: a member with a referrer is never re-bound. A distributor cannot refer themselves,
 * nor anyone above them in their own referrer chain (that would close a loop of commissions).
 */
export const bindingRefusal = (
  memberId: string,
  distributorId: string,
  bindings: readonly BindingLink[],
): BindingRefusal | null => {
  if (memberId === distributorId) return 'self'
  if (bindings.some((binding) => binding.memberId === memberId)) return 'already_bound'
  return isInChain(memberId, distributorId, bindings) ? 'cycle' : null
}

/** Whether `memberId` is `distributorId` or above them in the referrer chain (stops on a looping chain). */
const isInChain = (memberId: string, distributorId: string, bindings: readonly BindingLink[]): boolean => {
  const seen = new Set<string>()
  let current: string | undefined = distributorId
  while (current !== undefined && !seen.has(current)) {
    if (current === memberId) return true
    seen.add(current)
    const upstream: string = current
    current = bindings.find((binding) => binding.memberId === upstream)?.distributorId
  }
  return false
}

export type ArrivalFacts = {
  memberId: string
  distributorId: string
  /** The member's own binding, if they ever had one. */
  binding: { distributorId: string; protectedUntilMs: number } | null
  /** The distributor's referrers upwards: the member among them would close a loop. */
  distributorChain: readonly string[]
  nowMs: number
}

/**
 * Why an arrival through a distributor's code does not bind, or null when it binds. Checked in this order: one's
 * own code; a binding still protected (already_bound) or spent (window_over: first touch happens once); a loop.
 */
export const arrivalRefusal = (facts: ArrivalFacts): ArrivalRefusal | null => {
  if (facts.memberId === facts.distributorId) return 'own_code'
  if (facts.binding) return facts.binding.protectedUntilMs > facts.nowMs ? 'already_bound' : 'window_over'
  if (facts.distributorChain.includes(facts.memberId)) return 'cycle'
  return null
}

/** A buyer's (or a distributor's own) binding, as the commission rules need it. */
export type EarningBinding = {
  distributorId: string
  protectedUntilMs: number
  /** Whether that distributor holds the right now: one whose right was taken back earns nothing. */
  holdsRights: boolean
}

/** The binding's distributor while it protects and they still hold the right, else null. */
const earningDistributor = (binding: EarningBinding | null, nowMs: number): string | null =>
  binding && binding.protectedUntilMs > nowMs && binding.holdsRights ? binding.distributorId : null

/**
 * Who earns the level-1 commission on an order: the buyer's distributor while the binding protects them and they
 * hold the right (first touch beats a later link); otherwise the distributor whose link or post the order came
 * through, unless that is the buyer (one's own code earns nothing) or someone below the buyer in their chain (a loop).
 */
export const commissionEarner = (facts: {
  buyerId: string
  binding: EarningBinding | null
  /** A distributor holding the right now, or null. */
  viaDistributorId: string | null
  /** The via distributor's referrers upwards. */
  viaChain: readonly string[]
  nowMs: number
}): string | null => {
  const bound = earningDistributor(facts.binding, facts.nowMs)
  if (bound !== null) return bound
  const via = facts.viaDistributorId
  if (via === null || via === facts.buyerId || facts.viaChain.includes(facts.buyerId)) return null
  return via
}

/**
 * Who earns the level-2 commission (where the config has two levels): the level-1 earner's own distributor, on
 * the same terms as level 1 (while that binding protects them and they hold the right), never the buyer.
 */
export const secondLevelEarner = (facts: {
  buyerId: string
  /** The level-1 earner's own binding. */
  earnerBinding: EarningBinding | null
  nowMs: number
}): string | null => {
  const upstream = earningDistributor(facts.earnerBinding, facts.nowMs)
  return upstream === facts.buyerId ? null : upstream
}

/** Commission in whole fen, rounded down: bps of 10000 (1000 = 10%). */
export const commissionFen = (amountFen: number, rateBps: number): number => Math.floor((amountFen * rateBps) / 10000)

/** The KOL level held with this many fans, and the next one (levels sorted by minFans). */
export const kolLevelFor = (
  fans: number,
  levels: readonly KolLevel[],
): { current: KolLevel | null; next: KolLevel | null; fansToNext: number } => {
  const sorted = [...levels].sort((a, b) => a.minFans - b.minFans)
  const current = [...sorted].reverse().find((level) => fans >= level.minFans) ?? null
  const next = sorted.find((level) => fans < level.minFans) ?? null
  return { current, next, fansToNext: next ? next.minFans - fans : 0 }
}

/** Checked in this order: the minimum, one pending request at a time, what is withdrawable. */
export const withdrawalRefusal = (facts: {
  amountFen: number
  minFen: number
  hasPending: boolean
  withdrawableFen: number
}): WithdrawalRefusal | null => {
  if (facts.amountFen < facts.minFen) return 'below_minimum'
  if (facts.hasPending) return 'pending_exists'
  if (facts.amountFen > facts.withdrawableFen) return 'above_withdrawable'
  return null
}

/** The task route: a check-in streak and a level, both at least their targets. */
export const isTaskMet = (facts: { streak: number; streakTarget: number; levelRank: number; levelTarget: number }) =>
  facts.streak >= facts.streakTarget && facts.levelRank >= facts.levelTarget

/** The mini-program code's scene: WeChat's wxacode.getUnlimited rules. */
export const wxacodeRefusal = (
  scene: string,
  page: string,
  sceneMax: number,
  scenePattern: RegExp,
): { errcode: 40129 | 40169 | 41030; errmsg: string } | null => {
  if (scene.length === 0 || scene.length > sceneMax)
    return { errcode: 40169, errmsg: `invalid length for scene, or the data is not json string (1..${sceneMax})` }
  if (!scenePattern.test(scene)) return { errcode: 40129, errmsg: 'invalid scene: characters outside the allowed set' }
  if (page !== '' && !/^(?:pages|packages)\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/.test(page))
    return { errcode: 41030, errmsg: 'invalid page: a published page path without a leading slash or query' }
  return null
}

/** How many characters of a post's text name it in a KOL's fans list (its first words, on one line). */
export const POST_EXCERPT_CHARS = 20

/**
 * The first words of a post, to name it in a list: its text on one line (line breaks and runs of spaces are one
 * space), cut at POST_EXCERPT_CHARS characters (by code point, so an emoji is never split) with an ellipsis.
 */
export const postExcerpt = (text: string): string => {
  const chars = Array.from(text.replace(/\s+/gu, ' ').trim())
  return chars.length > POST_EXCERPT_CHARS ? `${chars.slice(0, POST_EXCERPT_CHARS).join('')}…` : chars.join('')
}
