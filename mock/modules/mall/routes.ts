import { endpoints } from '../../../src/contract/all'
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
  register(endpoints.gift, ({ member, params, ...ctx }) => giftDetail(ctx, member, params.id))

  register(endpoints.addresses, ({ member, ...ctx }) => listAddresses(ctx, member))
  register(endpoints.createAddress, ({ member, body, ...ctx }) => addAddress(ctx, member, body))
  register(endpoints.updateAddress, ({ member, params, body, ...ctx }) => updateAddress(ctx, member, params.id, body))
  register(endpoints.deleteAddress, async ({ member, params, ...ctx }) => {
    await deleteAddress(ctx, member, params.id)
    return { ok: true as const }
  })

  register(endpoints.redeem, ({ member, body, ...ctx }) => redeem(ctx, member, body))
  register(endpoints.redemptions, ({ member, query, ...ctx }) => redemptionsPage(ctx, member, query))
  register(endpoints.redemption, ({ member, params, ...ctx }) => redemption(ctx, member, params.id))
  register(endpoints.cancelRedemption, ({ member, params, ...ctx }) => cancelRedemption(ctx, member, params.id))
}
