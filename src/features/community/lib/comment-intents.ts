import { pendingIntents } from '@/lib/pending-intents'

/** What the member is sending: the same words to the same post (and the same comment replied to) are one intent. */
export type CommentIntent = { postId: string; text: string; replyTo?: string }

/** Comments sent and not answered for sure yet, by post, reply target and words (see pendingIntents). */
const pendingComments = pendingIntents<CommentIntent>(({ postId, text, replyTo }) =>
  JSON.stringify([postId, replyTo ?? null, text]),
)

export const commentKeyFor = pendingComments.keyFor
export const settleComment = pendingComments.settle
export const isCommentPending = pendingComments.isPending
