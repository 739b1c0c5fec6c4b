import { createIdempotencyKey } from '@/lib/http'

/** What the member is sending: the same words to the same post (and the same comment replied to) are one intent. */
export type CommentIntent = { postId: string; text: string; replyTo?: string }

/**
 * The Idempotency-Key of each comment sent and not answered for sure yet (a timeout, a dropped connection, a 5xx),
 * by post, reply target and words. It outlives the comment bar: a member who sends the same words again, even after
 * leaving the post and coming back, replays the first comment instead of posting it twice. A definite answer (the
 * comment, or a refusal) forgets it, so the next comment is a new intent. Memory only, like the redemptions'
 * (src/features/mall/lib/redeem-intents.ts): it lasts as long as the app runs.
 */
const pendingKeys = new Map<string, string>()

const signatureOf = ({ postId, text, replyTo }: CommentIntent): string =>
  JSON.stringify([postId, replyTo ?? null, text])

/** The key to send this comment with: the one still waiting for an answer, or a new one kept until there is one. */
export function commentKeyFor(intent: CommentIntent): string {
  const signature = signatureOf(intent)
  const kept = pendingKeys.get(signature)
  if (kept) return kept
  const key = createIdempotencyKey()
  pendingKeys.set(signature, key)
  return key
}

/** Whether this comment was sent and its outcome is not known yet: sending it again may replay the first. */
export const isCommentPending = (intent: CommentIntent): boolean => pendingKeys.has(signatureOf(intent))

/** A definite answer came for the comment sent with `key`: the same words are a new comment from now on. */
export function settleComment(intent: CommentIntent, key: string): void {
  const signature = signatureOf(intent)
  if (pendingKeys.get(signature) === key) pendingKeys.delete(signature)
}
