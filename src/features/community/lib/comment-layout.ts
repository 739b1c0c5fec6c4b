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

export type ThreadLayout = { height: number; entries: number[] }

/** A comment (or its placeholder) with its replies: the height of each entry (the comment first) and of the block. */
export function threadLayout(
  comment: Pick<Comment, 'text' | 'author' | 'isDeleted' | 'replies'> & { isHidden?: boolean },
  prefixOf: AddresseePrefix,
): ThreadLayout {
  const entries = [
    comment.isDeleted || comment.isHidden === true || comment.author === null
      ? DELETED_COMMENT_HEIGHT
      : commentEntryHeight(comment, false),
    ...comment.replies.map((reply) => commentEntryHeight({ text: replyDisplayText(reply, prefixOf) }, true)),
  ]
  return { entries, height: 2 * COMMENT_PADDING + entries.reduce((sum, entry) => sum + entry, 0) }
}
