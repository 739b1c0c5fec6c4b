import type { AllEndpointName } from './all'
import { WXACODE_PATH } from './kol'
import type { AppConfig } from './config'

/** A part of the program an operator can switch off in `/app/config`'s `features` (shareRewards is a rule, not a part). */
export type FeatureName = Exclude<keyof AppConfig['features'], 'shareRewards'>

/**
 * Which switch each route belongs to: with it off the route answers 403 FEATURE_OFF `{ feature }`, whoever asks. Every
 * route is named, so a new one cannot forget to say: `null` serves whatever the switches say.
 */
export const FEATURE_OF_ENDPOINT: Record<AllEndpointName, FeatureName | null> = {
  // The program itself: sign-in, the member, check-in, points, tasks (each task's own part is checked by the task
  // rules), levels and the birthday gift.
  health: null,
  openapi: null,
  appConfig: null,
  sendSms: null,
  signInByPhone: null,
  signInByWechat: null,
  signOut: null,
  me: null,
  updateMe: null,
  checkinCalendar: null,
  checkIn: null,
  makeUpCheckin: null,
  pointsSummary: null,
  pointsLedger: null,
  tasks: null,
  completeTask: null,
  levels: null,
  levelCelebrated: null,
  birthdayGift: null,
  claimBirthdayGift: null,
  // Open on purpose: avatars upload too.
  upload: null,
  // A KOL's level certificate, and anyone's public verification.
  certificates: null,
  certificate: null,
  // The member's own rights: the app asks on pages that stay open.
  distributionStatus: null,
  // The product shop: domain-rules.md keeps "Products and orders" apart from the points mall, and an order through a
  // link is how a member buys at all; its addresses and coupons with it.
  products: null,
  product: null,
  createOrder: null,
  orders: null,
  order: null,
  refundOrder: null,
  addresses: null,
  createAddress: null,
  updateAddress: null,
  deleteAddress: null,
  coupons: null,
  monthlyCoupon: null,
  claimMonthlyCoupon: null,
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
  reportComment: 'community',
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
  kolPosts: 'distribution',
  plans: 'membershipPackages',
  myPlan: 'membershipPackages',
  purchasePlan: 'membershipPackages',
}

/** Routes outside the endpoint table (they answer bytes), by path. */
export const FEATURE_OF_PATH: Readonly<Record<string, FeatureName>> = { [WXACODE_PATH]: 'distribution' }
