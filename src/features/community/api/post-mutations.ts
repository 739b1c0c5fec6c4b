import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query'
import Taro from '@tarojs/taro'
import type { Post } from '@/contract'
import { communityEndpoints, ownPostEndpoint } from '@/contract/community-endpoints'
import type { Comment, CommentReply, LikeState, REPORT_REASONS } from '@/contract/community'
import { createIdempotencyKey, isApiError, isOutcomeUnknown, request } from '@/lib/http'
import { describeError, messagesFor, useLocale } from '@/lib/i18n'
import { settleComment } from '../lib/comment-intents'
import { postMessages } from '../post-messages'
import { postKeys } from './post-queries'

// The post page's reads and writes. Apart from post-queries.ts (which the tabs import) because these carry the
// community's write schemas, which only the post page needs.

type CommentPage = { items: Comment[]; nextCursor: string | null }

/**
 * The post page's post, read whole (OwnPost): on its author's rejected post it also says whether the operator removed
 * it (已被移除, no 修改后重发), so the page needs no second request to know.
 */
export const postQuery = (id: string) =>
  queryOptions({
    queryKey: [...postKeys.all, 'detail', id],
    queryFn: () => request(ownPostEndpoint, { params: { id } }),
  })

export const commentsQuery = (postId: string) =>
  infiniteQueryOptions({
    queryKey: [...postKeys.all, 'comments', postId],
    queryFn: ({ pageParam }) =>
      request(communityEndpoints.comments, {
        params: { id: postId },
        query: { cursor: pageParam ?? undefined, limit: '50' },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 })

/** A post's counts changed: the post page and every cached feed page that shows it. */
function patchPost(queryClient: QueryClient, postId: string, patch: <P extends Post>(post: P) => P): void {
  queryClient.setQueryData(postQuery(postId).queryKey, (post) => (post ? patch(post) : post))
  queryClient.setQueriesData<InfiniteData<{ items: Post[]; nextCursor: string | null }>>(
    { queryKey: [...postKeys.all, 'list'] },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((post) => (post.id === postId ? patch(post) : post)),
        })),
      },
  )
}

/**
 * Like or unlike at once on screen; the server's answer then sets the true count. A refusal puts back what was
 * there and says so. Taps on one post run one after another (one mutation scope), each its own intent.
 */
export function useToggleLike(postId: string) {
  const queryClient = useQueryClient()
  const mutationKey = ['like', postId]
  // A later tap is already on screen (its onMutate runs at once, its request waits in the scope): an earlier answer
  // or refusal must not paint over it; the last tap's answer sets the truth. The settling one still counts as pending.
  const isLaterTapWaiting = () => queryClient.isMutating({ mutationKey }) > 1
  return useMutation({
    mutationKey,
    scope: { id: `like-${postId}` },
    mutationFn: (isLiked: boolean): Promise<LikeState> =>
      request(isLiked ? communityEndpoints.likePost : communityEndpoints.unlikePost, {
        params: { id: postId },
        idempotencyKey: createIdempotencyKey(),
      }),
    meta: { isErrorShownInPlace: true },
    onMutate: async (isLiked) => {
      await queryClient.cancelQueries({ queryKey: postQuery(postId).queryKey })
      const previous = queryClient.getQueryData(postQuery(postId).queryKey)
      patchPost(queryClient, postId, (post) =>
        post.likedByMe === isLiked
          ? post
          : { ...post, likedByMe: isLiked, likeCount: Math.max(0, post.likeCount + (isLiked ? 1 : -1)) },
      )
      return { previous }
    },
    onError: (error, _isLiked, context) => {
      const previous = context?.previous
      if (previous && !isLaterTapWaiting())
        patchPost(queryClient, postId, (post) => ({
          ...post,
          likedByMe: previous.likedByMe,
          likeCount: previous.likeCount,
        }))
      toast(messagesFor(postMessages).likeFailed(describeError(error, useLocale.getState().locale)))
    },
    onSuccess: (state) => {
      if (!isLaterTapWaiting()) patchPost(queryClient, postId, (post) => ({ ...post, ...state }))
    },
  })
}

/** `isResend`: the same words went out before without a definite answer (isCommentPending), so this may replay. */
type CreateCommentVariables = { text: string; replyTo?: string; idempotencyKey: string; isResend?: boolean }

/**
 * A comment or a reply: put where it belongs in the loaded pages, and the post's comment count refreshed. Sent with
 * its intent's key (commentKeyFor), forgotten here on a definite answer; when no definite answer came
 * (isOutcomeUnknown) the server may have kept it, so the key stays for a resend to replay, and the comments and the
 * post are read again to show it if it was kept.
 */
/** A reply refused because the comment it answers is gone (deleted, or its thread with it). */
export const isReplyTargetGone = (error: unknown): boolean => isApiError(error) && error.fields.replyTo !== undefined

export function useCreateComment(postId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ text, replyTo, idempotencyKey }: CreateCommentVariables) =>
      request(communityEndpoints.createComment, { params: { id: postId }, body: { text, replyTo }, idempotencyKey }),
    meta: { isErrorShownInPlace: true },
    onError: (error, { text, replyTo, idempotencyKey }) => {
      // The comment answered was deleted meanwhile: show the thread as it is now.
      if (isReplyTargetGone(error)) void queryClient.invalidateQueries({ queryKey: commentsQuery(postId).queryKey })
      if (!isOutcomeUnknown(error)) return settleComment({ postId, text, replyTo }, idempotencyKey)
      void queryClient.invalidateQueries({ queryKey: commentsQuery(postId).queryKey })
      void queryClient.invalidateQueries({ queryKey: postQuery(postId).queryKey })
    },
    onSuccess: (comment, { text, replyTo, idempotencyKey, isResend }) => {
      settleComment({ postId, text, replyTo }, idempotencyKey)
      if (isResend) {
        // Perhaps the first one's answer replayed, perhaps already counted and listed by the read after it was lost:
        // read both again rather than add it a second time.
        void queryClient.invalidateQueries({ queryKey: commentsQuery(postId).queryKey })
        void queryClient.invalidateQueries({ queryKey: postQuery(postId).queryKey })
        return
      }
      queryClient.setQueryData(commentsQuery(postId).queryKey, (data) => {
        if (!data) return data
        const parentId = comment.replyTo
        if (parentId !== null) {
          return {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) =>
                item.id === parentId
                  ? { ...item, replies: [...item.replies, { ...comment, replies: undefined }] }
                  : item,
              ),
            })),
          } as InfiniteData<CommentPage, string | null>
        }
        // Oldest first: a new comment belongs at the very end, shown now if the end is loaded (else when reached).
        const last = data.pages[data.pages.length - 1]
        if (!last || last.nextCursor !== null) return data
        return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, comment] }] }
      })
      patchPost(queryClient, postId, (post) => ({ ...post, commentCount: post.commentCount + 1 }))
    },
  })
}

export function useDeleteComment(postId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (commentId: string) => request(communityEndpoints.deleteComment, { params: { id: commentId } }),
    onSuccess: (_ok, commentId) => {
      // Hidden by reports (waiting for review, or removed): never in the post's commentCount, so none comes off it.
      const entries = (queryClient.getQueryData(commentsQuery(postId).queryKey)?.pages ?? []).flatMap((page) =>
        page.items.flatMap((item): Pick<CommentReply, 'id' | 'isPendingReview' | 'isRemoved'>[] => [
          item,
          ...item.replies,
        ]),
      )
      const deleted = entries.find((entry) => entry.id === commentId)
      const wasCounted = !(deleted?.isPendingReview === true || deleted?.isRemoved === true)
      // As the server does it: a comment with replies stays as their placeholder, one without goes, and a
      // placeholder goes with its last reply. One comment fewer either way.
      queryClient.setQueryData(commentsQuery(postId).queryKey, (data) => {
        if (!data) return data
        const pages = data.pages.map((page) => ({
          ...page,
          items: page.items.flatMap((item): Comment[] => {
            if (item.id === commentId)
              return item.replies.length > 0 ? [{ ...item, author: null, text: '', isDeleted: true }] : []
            if (!item.replies.some((reply) => reply.id === commentId)) return [item]
            const replies = item.replies.filter((reply) => reply.id !== commentId)
            return item.isDeleted && replies.length === 0 ? [] : [{ ...item, replies }]
          }),
        }))
        return { ...data, pages }
      })
      if (wasCounted)
        patchPost(queryClient, postId, (post) => ({ ...post, commentCount: Math.max(0, post.commentCount - 1) }))
      // The count is the server's (others comment meanwhile): read it back.
      void queryClient.invalidateQueries({ queryKey: postQuery(postId).queryKey })
    },
  })
}

export type ReportReason = (typeof REPORT_REASONS)[number]
export type ReportVariables = { reason: ReportReason; idempotencyKey: string }
/** What a member reports: the post, or one of its comments or replies. */
export type ReportTarget = { kind: 'post' | 'comment'; id: string }

/** Reports a post, or a comment under the post `postId`. */
export function useReport(target: ReportTarget, postId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ reason, idempotencyKey }: ReportVariables) =>
      request(target.kind === 'post' ? communityEndpoints.reportPost : communityEndpoints.reportComment, {
        params: { id: target.id },
        body: { reason },
        idempotencyKey,
      }),
    meta: { isErrorShownInPlace: true },
    // The report that reaches the threshold hides the comment for everyone: its reporter sees it go (该评论已被隐藏
    // over its replies) rather than on the next visit. A post stays on the page it is read on.
    onSuccess: () => {
      if (target.kind === 'comment') void queryClient.invalidateQueries({ queryKey: commentsQuery(postId).queryKey })
    },
  })
}
