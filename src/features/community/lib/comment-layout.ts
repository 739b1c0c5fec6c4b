import type { Comment, CommentReply } from '@/contract/community'
import { COMMENT_ACTIONS_HEIGHT, COMMENT_PADDING, commentEntryHeight } from './card-layout'

// The post page's comment threads as drawn (comment-item): apart from card-layout, which the feed (the weapp main
// package) carries, since only the post page (a subpackage) needs what follows.

/** A deleted or hidden comment's placeholder (该评论已删除 / 该评论已被隐藏): one row, no author, no actions. */
export const DELETED_COMMENT_HEIGHT = COMMENT_ACTIONS_HEIGHT

/**
 * The words an entry's text box shows besides its own (postMessages has both): before a reply to a reply, whom it
 * answers (回复 X：); under its author's comment the operator removed, the operator's reason (a line of its own).
 */
export type ThreadWords = {
  replyingTo: (nickname: string) => string
  commentRemovedReason: (reason: string) => string
}

/**
 * The operator's reason under its author's removed comment, or null: none when the comment stands, nor when a backend
 * sends a blank reason (the contract allows null), so the author never reads 移除原因： with nothing after it.
 */
export const removalReasonLine = (
  entry: Partial<Pick<CommentReply, 'isRemoved' | 'removedReason'>>,
  words: Pick<ThreadWords, 'commentRemovedReason'>,
): string | null => {
  const reason = entry.removedReason?.trim() ?? ''
  return entry.isRemoved === true && reason !== '' ? words.commentRemovedReason(reason) : null
}

/** An entry's text box as drawn (comment-item), so the layout wraps and counts exactly what is shown. */
export const entryDisplayText = (
  entry: Pick<CommentReply, 'text'> & Partial<Pick<CommentReply, 'replyToMember' | 'isRemoved' | 'removedReason'>>,
  words: ThreadWords,
): string => {
  const shown = entry.replyToMember ? `${words.replyingTo(entry.replyToMember.nickname)}${entry.text}` : entry.text
  const reasonLine = removalReasonLine(entry, words)
  return reasonLine === null ? shown : `${shown}\n${reasonLine}`
}

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
  comment: Pick<Comment, 'text' | 'author' | 'isDeleted' | 'replies'> &
    Partial<Pick<Comment, 'isHidden' | 'isRemoved' | 'removedReason'>>,
  words: ThreadWords,
  isExpanded = false,
): ThreadLayout {
  const replies = shownReplies(comment.replies, isExpanded)
  const foldedCount = comment.replies.length - replies.length
  const entries = [
    comment.isDeleted || comment.isHidden === true || comment.author === null
      ? DELETED_COMMENT_HEIGHT
      : commentEntryHeight({ text: entryDisplayText(comment, words) }, false),
    ...replies.map((reply) => commentEntryHeight({ text: entryDisplayText(reply, words) }, true)),
  ]
  const fold = foldedCount > 0 ? REPLIES_FOLD_HEIGHT : 0
  return { entries, foldedCount, height: 2 * COMMENT_PADDING + fold + entries.reduce((sum, entry) => sum + entry, 0) }
}
