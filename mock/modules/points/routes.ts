import { endpoints } from '../../../src/contract/all'
import type { AppRouter } from '../account/service'
import { ledgerPage, summaryOf } from './service'

export const registerPointsRoutes = ({ register }: AppRouter): void => {
  register(endpoints.pointsSummary, ({ member, ...ctx }) => summaryOf(ctx, member))
  register(endpoints.pointsLedger, ({ member, query, ...ctx }) => ledgerPage(ctx, member.id, query))
}
