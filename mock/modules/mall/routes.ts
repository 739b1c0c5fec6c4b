import { endpoints, mallEndpoints } from '../../../src/contract/all'
import type { AppRouter } from '../account/service'
import {
  addAddress,
  cancelRedemption,
  deleteAddress,
  giftCategoriesPage,
  giftDetail,
  giftsPage,
  listAddresses,
  redeem,
  redemption,
  redemptionsPage,
  updateAddress,
} from './service'

// The points mall's routes (src/contract/catalog.ts for the gifts, src/contract/mall.ts for the rest).

export const registerMallRoutes = ({ register }: AppRouter): void => {
  register(endpoints.giftCategories, ({ query, ...ctx }) => giftCategoriesPage(ctx, query))
  register(endpoints.gifts, ({ member, query, ...ctx }) => giftsPage(ctx, member, query))
  register(mallEndpoints.gift, ({ member, params, ...ctx }) => giftDetail(ctx, member, params.id))

  register(mallEndpoints.addresses, ({ member, ...ctx }) => listAddresses(ctx, member))
  register(mallEndpoints.createAddress, ({ member, body, ...ctx }) => addAddress(ctx, member, body))
  register(mallEndpoints.updateAddress, ({ member, params, body, ...ctx }) => updateAddress(ctx, member, params.id, body))
  register(mallEndpoints.deleteAddress, async ({ member, params, ...ctx }) => {
    await deleteAddress(ctx, member, params.id)
    return { ok: true as const }
  })

  register(mallEndpoints.redeem, ({ member, body, ...ctx }) => redeem(ctx, member, body))
  register(mallEndpoints.redemptions, ({ member, query, ...ctx }) => redemptionsPage(ctx, member, query))
  register(mallEndpoints.redemption, ({ member, params, ...ctx }) => redemption(ctx, member, params.id))
  register(mallEndpoints.cancelRedemption, ({ member, params, ...ctx }) => cancelRedemption(ctx, member, params.id))
}
