import { allEndpoints, WXACODE_PATH } from '../../../src/contract/all'
import type { AppRouter } from '../account/service'
import { planIdsGrantingDistribution } from '../plans/service'
import {
  apply,
  arrivalsPage,
  cardOf,
  commissionsPage,
  fansPage,
  overviewOf,
  postStatsPage,
  recordArrival,
  requestWithdrawal,
  statusOf,
  withdrawalsPage,
  wxacodeImage,
} from './service'

export const registerDistributionRoutes = ({ register, serveBytes }: AppRouter): void => {
  // Without a client the answer is the strict one (weapp): no plan is a way to the right there.
  register(allEndpoints.distributionStatus, async ({ member, query, ...ctx }) =>
    statusOf(ctx, member.id, query.client ?? 'weapp', await planIdsGrantingDistribution(ctx)),
  )
  register(allEndpoints.applyForDistribution, async ({ member, body, query, ...ctx }) =>
    apply(ctx, member, body, query.client ?? 'weapp', await planIdsGrantingDistribution(ctx)),
  )
  register(allEndpoints.distributionOverview, ({ member, ...ctx }) => overviewOf(ctx, member.id))
  register(allEndpoints.referralCard, ({ member, origin, ...ctx }) => cardOf(ctx, member.id, origin))
  register(allEndpoints.recordArrival, ({ member, body, ...ctx }) => recordArrival(ctx, member.id, body))
  register(allEndpoints.arrivals, ({ member, query, ...ctx }) => arrivalsPage(ctx, member.id, query))
  register(allEndpoints.fans, ({ member, query, ...ctx }) => fansPage(ctx, member.id, query))
  register(allEndpoints.kolPosts, ({ member, query, ...ctx }) => postStatsPage(ctx, member.id, query))
  register(allEndpoints.commissions, ({ member, query, ...ctx }) => commissionsPage(ctx, member.id, query))
  register(allEndpoints.requestWithdrawal, ({ member, body, ...ctx }) =>
    requestWithdrawal(ctx, member.id, body.amountFen),
  )
  register(allEndpoints.withdrawals, ({ member, query, ...ctx }) => withdrawalsPage(ctx, member.id, query))
  // An image, not JSON: public like the code printed on a poster.
  serveBytes(WXACODE_PATH, async (_ctx, _params, query) => wxacodeImage(query))
}
