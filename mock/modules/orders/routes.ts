import { allEndpoints } from '../../../src/contract/all'
import type { AppRouter } from '../account/service'
import { orderOf, ordersPage, placeOrder, productOf, productsPage, refundOrder } from './service'

export const registerOrderRoutes = ({ register }: AppRouter): void => {
  register(allEndpoints.products, ({ query, ...ctx }) => productsPage(ctx, query))
  register(allEndpoints.product, ({ params, ...ctx }) => productOf(ctx, params.id))
  register(allEndpoints.createOrder, ({ member, body, ...ctx }) =>
    placeOrder(ctx, member.id, { kind: 'product', request: body }),
  )
  register(allEndpoints.orders, ({ member, query, ...ctx }) => ordersPage(ctx, member.id, query))
  register(allEndpoints.order, ({ member, params, ...ctx }) => orderOf(ctx, member.id, params.id))
  register(allEndpoints.refundOrder, ({ member, params, ...ctx }) => refundOrder(ctx, member.id, params.id))
}
