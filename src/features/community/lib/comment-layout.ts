import type { Comment, CommentReply } from '@/contract/community'
import { COMMENT_ACTIONS_HEIGHT, COMMENT_PADDING, commentEntryHeight } from './card-layout'

// The post page's comment threads as drawn (comment-item): apart from card-layout, which the feed (the weapp main
// package) carries, since only the post page (a subpackage) needs what follows.

/** A deleted or hidden comment's placeholder (该评论已删除 / 该评论已被隐藏): one row, no author, no actions. */
export const DELETED_COMMENT_HEIGHT = COMMENT_ACTIONS_HEIGHT

/** What a reply to a reply shows before its words (回复 X：), counted with them as the layout wraps them. */
export type AddresseePrefix = (nickname: string) => string

export const replyDisplayText = (reply: CommentReply, prefixOf: AddresseePrefix): string =>
  reply.replyToMember ? `${prefixOf(reply.replyToMember.nickname)}${reply.text}` : reply.text

/** A long thread shows this many replies, then 展开 N 条回复 (as the big apps do: the next comment stays in reach). */
export const REPLIES_FOLDED_TO = 2

/** The 展开 N 条回复 row under a folded thread: one action's height. */
export const REPLIES_FOLD_HEIGHT = COMMENT_ACTIONS_HEIGHT

/** The replies shown: all of them once expanded, else at most the first REPLIES_FOLDED_TO. */
export const shownReplies = <TReply>(replies: readonly TReply[], isExpanded: boolean): readonly TReply[] =>
  isExpanded ? replies : replies.slice(0, REPLIES_FOLDED_TO)

/** `entries`: the comment, then each reply shown; `foldedCount`: the replies behind 展开 (0: no such row). */
export type ThreadLayout = { height: number; entries: number[]; foldedCount: number }

/**
 * A comment (or its placeholder) with its replies: the height of each entry (the comment first), of the fold row when
 * replies are folded away, and of the block.
 */
export function threadLayout(
  comment: Pick<Comment, 'text' | 'author' | 'isDeleted' | 'replies'> & { isHidden?: boolean },
  prefixOf: AddresseePrefix,
  isExpanded = false,
): ThreadLayout {
  const replies = shownReplies(comment.replies, isExpanded)
  const foldedCount = comment.replies.length - replies.length
  const entries = [
    comment.isDeleted || comment.isHidden === true || comment.author === null
      ? DELETED_COMMENT_HEIGHT
      : commentEntryHeight(comment, false),
    ...replies.map((reply) => commentEntryHeight({ text: replyDisplayText(reply, prefixOf) }, true)),
  ]
  const fold = foldedCount > 0 ? REPLIES_FOLD_HEIGHT : 0
  return { entries, foldedCount, height: 2 * COMMENT_PADDING + fold + entries.reduce((sum, entry) => sum + entry, 0) }
}
