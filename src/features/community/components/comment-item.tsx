import { Text, View } from '@tarojs/components'
import type { Comment, CommentReply } from '@/contract/community'
import { formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { postMessages } from '../post-messages'
import { designLength } from '../lib/design-units'
import { COMMENT_ACTIONS_HEIGHT, COMMENT_AUTHOR_HEIGHT, COMMENT_LINE_HEIGHT, commentLayout } from '../lib/card-layout'

type CommentActions = {
  /** The signed-in member's id (null for a visitor): their own comments can be deleted. */
  myId: string | null
  /** False on a post that takes no more comments (hidden: its author reads what was said): no 回复. */
  canReply?: boolean
  onReplyChosen: (comment: CommentReply) => void
  onDeleteChosen: (comment: CommentReply) => void
}

function CommentEntry({
  comment,
  height,
  isReply,
  myId,
  canReply = true,
  onReplyChosen,
  onDeleteChosen,
}: CommentActions & { comment: CommentReply; height: number; isReply: boolean }) {
  const text = useMessages(postMessages)
  const textHeight = height - COMMENT_AUTHOR_HEIGHT - COMMENT_ACTIONS_HEIGHT
  return (
    <View
      className={`comment ${isReply ? 'comment--reply' : ''}`}
      style={{ height: designLength(height) }}
      data-testid={isReply ? 'reply' : 'comment'}
      data-comment-id={comment.id}
    >
      <View className='comment__author' style={{ height: designLength(COMMENT_AUTHOR_HEIGHT) }}>
        <Text className='comment__nickname'>{comment.author.nickname}</Text>
        <Text className='comment__level'>{comment.author.levelCode}</Text>
        <Text className='comment__time'>{formatServerTime(comment.createdAt)}</Text>
      </View>
      <View className='comment__text-box' style={{ height: designLength(textHeight) }}>
        <Text
          className='comment__text'
          style={{ lineHeight: designLength(COMMENT_LINE_HEIGHT) }}
          data-testid='comment-text'
        >
          {comment.text}
        </Text>
      </View>
      <View className='comment__actions' style={{ height: designLength(COMMENT_ACTIONS_HEIGHT) }}>
        {canReply ? (
          <View
            className='comment__action'
            hoverClass='comment__action--pressed'
            role='button'
            tabIndex={0}
            data-testid='comment-reply'
            onClick={() => onReplyChosen(comment)}
          >
            <Text>{text.reply}</Text>
          </View>
        ) : null}
        {myId !== null && comment.author.id === myId ? (
          <View
            className='comment__action'
            hoverClass='comment__action--pressed'
            role='button'
            tabIndex={0}
            data-testid='comment-delete'
            onClick={() => onDeleteChosen(comment)}
          >
            <Text>{text.delete}</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}

/** A top-level comment and its replies, each entry exactly the height commentLayout gives it. */
export function CommentItem({ comment, ...actions }: CommentActions & { comment: Comment }) {
  const layout = commentLayout(comment)
  return (
    <View className='comment-block' style={{ height: designLength(layout.height) }}>
      <CommentEntry comment={comment} height={layout.entries[0] ?? 0} isReply={false} {...actions} />
      {comment.replies.map((reply, index) => (
        <CommentEntry key={reply.id} comment={reply} height={layout.entries[index + 1] ?? 0} isReply {...actions} />
      ))}
    </View>
  )
}
