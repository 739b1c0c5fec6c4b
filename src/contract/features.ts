import type { AllEndpointName } from './all'
import { WXACODE_PATH } from './kol'
import type { AppConfig } from './config'

/** A part of the program an operator can switch off in `/app/config`'s `features` (shareRewards is a rule, not a part). */
export type FeatureName = Exclude<keyof AppConfig['features'], 'shareRewards'>

/**
 * Which switch each route belongs to: with it off the route answers 403 FEATURE_OFF `{ feature }`, whoever asks.
 * Routes not named here serve whatever the switches say. Left on purpose: `/uploads` (avatars use it too),
 * `/certificates` (a KOL's level certificate, and anyone's public verification), the product shop (`/products`,
 * `/orders`: domain-rules.md keeps "Products and orders" apart from the points mall, and an order through a link is
 * how a member buys at all), `/coupons`, `/addresses` (orders ship to them too) and `GET /distribution/status` (the
 * member's own rights; the app asks it on pages that stay open).
 */
export const FEATURE_OF_ENDPOINT: Partial<Record<AllEndpointName, FeatureName>> = {
  posts: 'community',
  post: 'community',
  topics: 'community',
  createPost: 'community',
  deletePost: 'community',
  myPosts: 'community',
  likePost: 'community',
  unlikePost: 'community',
  comments: 'community',
  createComment: 'community',
  deleteComment: 'community',
  reportPost: 'community',
  // The check-in challenge is announced as a pinned community post and lives in the community's pages.
  events: 'community',
  joinEvent: 'community',
  gifts: 'mall',
  giftCategories: 'mall',
  gift: 'mall',
  redeem: 'mall',
  redemptions: 'mall',
  redemption: 'mall',
  cancelRedemption: 'mall',
  applyForDistribution: 'distribution',
  recordArrival: 'distribution',
  distributionOverview: 'distribution',
  referralCard: 'distribution',
  arrivals: 'distribution',
  fans: 'distribution',
  commissions: 'distribution',
  requestWithdrawal: 'distribution',
  withdrawals: 'distribution',
  plans: 'membershipPackages',
  myPlan: 'membershipPackages',
  purchasePlan: 'membershipPackages',
}

/** Routes outside the endpoint table (they answer bytes), by path. */
export const FEATURE_OF_PATH: Readonly<Record<string, FeatureName>> = { [WXACODE_PATH]: 'distribution' }
