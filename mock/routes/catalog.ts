import type { Gift } from '../../src/contract'
import { endpoints } from '../../src/contract'
import { levelRank } from '../domain/levels'
import { ApiError, notFound } from '../http/errors'
import { paginate } from '../http/paginate'
import type { Router } from '../http/register'
import { redeemedQuantity } from '../mall'
import { balanceOf } from '../members'
import type { GiftRecord } from '../state'

export const toGift = (gift: GiftRecord): Gift => ({
  id: gift.id,
  name: gift.name,
  description: gift.description,
  category: gift.category,
  images: [...gift.images],
  pointsCost: gift.pointsCost,
  stock: gift.stock,
  perMemberLimit: gift.perMemberLimit,
  minLevel: gift.minLevel,
  kind: gift.kind,
})

export const registerCatalogRoutes = ({ register }: Router): void => {
  register(endpoints.giftCategories, ({ state, query }) => {
    const positioned = state.giftCategories.map((category, position) => ({ category, position }))
    const page = paginate(positioned, ({ position }) => [position], query)
    return { items: page.items.map(({ category }) => ({ ...category })), nextCursor: page.nextCursor }
  })

  register(endpoints.gifts, ({ state, member, query, nowMs }) => {
    let gifts = state.gifts
    if (query.category !== undefined) gifts = gifts.filter((gift) => gift.category === query.category)
    if (query.affordable === 'true') {
      // Without a member there is no balance to compare with; answering the unfiltered list would mislabel it.
      if (!member) throw new ApiError(401, 'UNAUTHORIZED', 'Sign in to filter gifts by what you can afford.')
      const balance = balanceOf(state, member.id, nowMs)
      gifts = gifts.filter((gift) => gift.pointsCost <= balance)
    }
    // What a member can get comes first: sold-out gifts go last, then by level and cost.
    const page = paginate(gifts, (gift) => [gift.stock === 0 ? 1 : 0, levelRank(gift.minLevel), gift.pointsCost, gift.id], query)
    return { items: page.items.map(toGift), nextCursor: page.nextCursor }
  })

  // A visitor (or a stale token) sees 0: how many the signed-in member holds, not cancelled.
  register(endpoints.gift, ({ state, member, params }) => {
    const gift = state.gifts.find((candidate) => candidate.id === params.id)
    if (!gift) throw notFound('The gift')
    return { ...toGift(gift), redeemedByMe: member ? redeemedQuantity(state, member.id, gift.id) : 0 }
  })
}
