import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { communityEndpoints } from '@/contract/community-endpoints'
import { request } from '@/lib/http'
import { uploadFile } from '@/lib/http/upload'
import { postKeys } from '@/features/community/api/post-queries'
import { kolKeys } from '@/features/distribution/api/rights-queries'
import { invalidateMembership } from '@/features/membership/api/membership-queries'
import { meQuery } from './account-queries'

// The profile page's writes (subpackage): apart from account-queries, which the tabs load.

/**
 * The member's name and avatar are drawn into other answers too: their posts' and comments' author line (the feed,
 * a post's page) and the KOL card's poster. Cached copies would show the old ones for up to the stale time.
 */
function invalidateWhereMemberShows(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: postKeys.all }),
    queryClient.invalidateQueries({ queryKey: kolKeys.card }),
  ]).then(() => undefined)
}

export function useUpdateNickname() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (nickname: string) => request(endpoints.updateMe, { body: { nickname } }),
    onSuccess: (member) => {
      queryClient.setQueryData(meQuery().queryKey, member)
      void invalidateWhereMemberShows(queryClient)
    },
    // A first nickname may complete the profile task, which pays points and growth: the server has settled it.
    onSettled: () => invalidateMembership(queryClient),
    meta: { isErrorShownInPlace: true },
  })
}

/**
 * A new avatar: the picture goes up first (POST /uploads answers its URL on this server), then PATCH /me names it.
 * Either step failing leaves the old avatar as it was.
 */
export function useUpdateAvatar() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (filePath: string) => {
      const uploaded = await uploadFile(communityEndpoints.upload, { filePath })
      return request(endpoints.updateMe, { body: { avatarUrl: uploaded.url } })
    },
    onSuccess: (member) => {
      queryClient.setQueryData(meQuery().queryKey, member)
      void invalidateWhereMemberShows(queryClient)
    },
    meta: { isErrorShownInPlace: true },
  })
}
