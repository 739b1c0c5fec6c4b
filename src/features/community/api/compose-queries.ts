import Taro from '@tarojs/taro'
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Post } from '@/contract'
import { endpoints } from '@/contract'
import type { CreatePostRequest, OwnPost } from '@/contract/community'
import { communityEndpoints, ownPostEndpoint } from '@/contract/community-endpoints'
import { request } from '@/lib/http'
import { invalidateMembership } from '@/features/membership/api/membership-queries'

export const composeKeys = {
  myPosts: ['posts', 'mine'] as const,
  post: (id: string) => ['posts', 'detail', id] as const,
  /** One of my posts as its author reads it (OwnPost: whether the operator removed it), apart from its page's Post. */
  own: (id: string) => ['posts', 'mine', id] as const,
  topics: ['topics'] as const,
}

export const myPostsQuery = () =>
  infiniteQueryOptions({
    queryKey: [...composeKeys.myPosts],
    queryFn: ({ pageParam }) => request(communityEndpoints.myPosts, { query: { cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

/** How often a post in review is looked at again: the review answers within minutes. */
const PENDING_POLL_MS = 5000

/** One of my posts as the server sees it now, as its author reads it; looked at again while it is in review. */
export const myPostStateQuery = (postId: string) =>
  queryOptions({
    queryKey: composeKeys.own(postId),
    queryFn: () => request(ownPostEndpoint, { params: { id: postId } }),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? PENDING_POLL_MS : false),
    staleTime: 0,
  })

export const topicsQuery = () =>
  queryOptions({
    queryKey: [...composeKeys.topics],
    queryFn: () => request(endpoints.topics, { query: { limit: '50' } }),
    staleTime: 10 * 60 * 1000,
  })

/** Posting pays points and settles tasks on the server: the feed, my posts and the member's numbers refresh. */
export function useCreatePost() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ idempotencyKey, body }: { idempotencyKey: string; body: CreatePostRequest }) =>
      request(communityEndpoints.createPost, { body, idempotencyKey }),
    onSuccess: (post: Post) => {
      // Just published: nobody has removed it (its page and the publishing answer read it as OwnPost).
      const own: OwnPost = { ...post, isRemoved: false }
      queryClient.setQueryData(composeKeys.post(post.id), own)
      queryClient.setQueryData(composeKeys.own(post.id), own)
    },
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['posts'] }), invalidateMembership(queryClient)]),
    meta: { isErrorShownInPlace: true },
  })
}

/**
 * The author deletes their post (from 我的笔记 or its own page, which is then left): every post list is read again, the
 * deleted post's own page is not (it would only answer 404 while the page goes).
 */
export function useDeletePost() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (postId: string) => request(communityEndpoints.deletePost, { params: { id: postId } }),
    onSettled: (_answer, _error, postId) => {
      const gone = [composeKeys.post(postId).join('/'), composeKeys.own(postId).join('/')]
      return queryClient.invalidateQueries({
        queryKey: ['posts'],
        predicate: (query) => !gone.includes(query.queryKey.join('/')),
      })
    },
  })
}

/** 删除后无法恢复: asked before a post is deleted, wherever the author deletes it. */
export async function isPostDeleteConfirmed(text: {
  deleteConfirmTitle: string
  deleteConfirm: string
  delete: string
}): Promise<boolean> {
  const answer = await Taro.showModal({
    title: text.deleteConfirmTitle,
    content: text.deleteConfirm,
    confirmText: text.delete,
    confirmColor: '#d93026',
  })
  return answer.confirm
}
