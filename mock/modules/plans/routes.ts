import { allEndpoints } from '../../../src/contract/all'
import type { AppRouter } from '../account/service'
import { myPlan, plansList, purchasePlan } from './service'

export const registerPlanRoutes = ({ register }: AppRouter): void => {
  // Without a client the answer is the strict one (weapp): no plan carries distribution rights there.
  register(allEndpoints.plans, ({ query, ...ctx }) => plansList(ctx, query.client ?? 'weapp'))
  register(allEndpoints.myPlan, ({ member, ...ctx }) => myPlan(ctx, member.id))
  register(allEndpoints.purchasePlan, ({ member, body, ...ctx }) => purchasePlan(ctx, member.id, body))
}
