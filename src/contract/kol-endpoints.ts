// The landed contract through its index (see distribution.ts).
import { CursorQuery, defineEndpoint } from './index'
import {
  ArrivalPage,
  CommissionPage,
  CommissionsQuery,
  DistributionOverview,
  FanPage,
  FansQuery,
  KolPostPage,
  KolPostsQuery,
  ReferralCard,
  Withdrawal,
  WithdrawalPage,
  WithdrawalRequest,
} from './kol'

/**
 * The KOL center: overview, card, fans, arrivals that did not bind, commission, withdrawals. Only its subpackage
 * pages load this table and its schemas. The mini-program code's image is not JSON and not in this table: see
 * WXACODE_PATH in ./kol.
 */
export const kolEndpoints = {
  distributionOverview: defineEndpoint({
    method: 'GET',
    path: '/distribution/overview',
    isPublic: false,
    isIdempotent: false,
    response: DistributionOverview,
    status: 200,
  }),
  referralCard: defineEndpoint({
    method: 'GET',
    path: '/distribution/card',
    isPublic: false,
    isIdempotent: false,
    response: ReferralCard,
    status: 200,
  }),
  arrivals: defineEndpoint({
    method: 'GET',
    path: '/distribution/arrivals',
    isPublic: false,
    isIdempotent: false,
    query: FansQuery,
    response: ArrivalPage,
    status: 200,
  }),
  fans: defineEndpoint({
    method: 'GET',
    path: '/distribution/fans',
    isPublic: false,
    isIdempotent: false,
    query: FansQuery,
    response: FanPage,
    status: 200,
  }),
  kolPosts: defineEndpoint({
    method: 'GET',
    path: '/distribution/posts',
    isPublic: false,
    isIdempotent: false,
    query: KolPostsQuery,
    response: KolPostPage,
    status: 200,
  }),
  commissions: defineEndpoint({
    method: 'GET',
    path: '/distribution/commissions',
    isPublic: false,
    isIdempotent: false,
    query: CommissionsQuery,
    response: CommissionPage,
    status: 200,
  }),
  requestWithdrawal: defineEndpoint({
    method: 'POST',
    path: '/distribution/withdrawals',
    isPublic: false,
    isIdempotent: true,
    body: WithdrawalRequest,
    response: Withdrawal,
    status: 201,
  }),
  withdrawals: defineEndpoint({
    method: 'GET',
    path: '/distribution/withdrawals',
    isPublic: false,
    isIdempotent: false,
    query: CursorQuery,
    response: WithdrawalPage,
    status: 200,
  }),
} as const
