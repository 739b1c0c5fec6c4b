import * as v from 'valibot'
import { queryOptions } from '@tanstack/react-query'
import { defineEndpoint, LevelCode, NonNegativeInt } from '@/contract'
import type { kolEndpoints } from '@/contract/kol-endpoints'
import { request } from '@/lib/http'

export const distributionKeys = { all: ['distribution'] as const }

/**
 * `GET /distribution/card` with the fields the poster draws, validated by a schema built only from
 * what the first screen already loads. Importing the distribution contract itself here would move
 * its valibot functions (variant, ...) into the shared app bundle and split the contract modules
 * webpack concatenates there: +1 KB gzip on the H5 first screen, which has no room for it.
 * The type check below keeps this view and the contract's ReferralCard from drifting apart.
 */
const ReferralCardView = v.object({
  referralCode: v.string(),
  sharePath: v.string(),
  qrScene: v.string(),
  qrPage: v.string(),
  wxacodeUrl: v.string(),
  nickname: v.string(),
  avatarUrl: v.string(),
  levelCode: LevelCode,
  kolLevel: v.nullable(v.object({ code: v.string(), name: v.string(), minFans: NonNegativeInt })),
})
export type ReferralCardView = v.InferOutput<typeof ReferralCardView>

type ContractCard = v.InferOutput<(typeof kolEndpoints)['referralCard']['response']>
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
/** Fails the type check if the contract's card and this view ever differ, either way. */
export type ReferralCardViewMatchesContract = Assert<Exact<ContractCard, ReferralCardView>>

const referralCardEndpoint = defineEndpoint({
  method: 'GET',
  path: '/distribution/card',
  isPublic: false,
  isIdempotent: false,
  response: ReferralCardView,
  status: 200,
})

/** The distributor's card: code, share path, the mini-program code's image, who they are and their KOL level. */
export const referralCardQuery = () =>
  queryOptions({
    queryKey: [...distributionKeys.all, 'card'],
    queryFn: () => request(referralCardEndpoint),
  })
