import { queryOptions } from '@tanstack/react-query'
import { distributionEndpoints } from '@/contract/distribution-endpoints'
import { request } from '@/lib/http'

export const distributionKeys = { all: ['distribution'] as const }

/** The distributor's card: code, share path, the mini-program code's image, who they are and their KOL level. */
export const referralCardQuery = () =>
  queryOptions({
    queryKey: [...distributionKeys.all, 'card'],
    queryFn: () => request(distributionEndpoints.referralCard),
  })
