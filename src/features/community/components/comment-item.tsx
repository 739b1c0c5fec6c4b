import { Text, View } from '@tarojs/components'
import { LabeledImage } from '@/components/labeled-image'
import type { Comment, CommentReply } from '@/contract/community'
import { avatarInitial, formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { postMessages } from '../post-messages'
import { designLength } from '../lib/design-units'
import { COMMENT_ACTIONS_HEIGHT, COMMENT_AUTHOR_HEIGHT, COMMENT_LINE_HEIGHT } from '../lib/card-layout'
import { REPLIES_FOLD_HEIGHT, removalReasonLine, shownReplies, threadLayout } from '../lib/comment-layout'

type CommentActions = {
  /** The signed-in member's id (null for a visitor): their own comments can be deleted. */
  myId: string | null
  /** False on a post that takes no more comments (hidden: its author reads what was said): no 回复. */
  canReply?: boolean
  onReplyChosen: (comment: CommentReply) => void
  /** `replyCount`: a top-level comment's replies, which stay (under its placeholder) once it is deleted. */
  onDeleteChosen: (comment: CommentReply, replyCount: number) => void
  /** 举报 on another member's comment or reply (the post's reason sheet). */
  onReportChosen: (comment: CommentReply) => void
}

/** The author's avatar (or their nickname's first character, as on the post cards), nickname, level and time. */
function CommentAuthorRow({ comment }: { comment: CommentReply }) {
  const text = useMessages(postMessages)
  const { author } = comment
  const size = designLength(COMMENT_AUTHOR_HEIGHT)
  return (
    <View className='comment__author' style={{ height: size }}>
      {author.avatarUrl ? (
        <LabeledImage
          className='comment__avatar'
          src={author.avatarUrl}
          mode='aspectFill'
          label={text.avatarOf(author.nickname)}
          style={{ width: size, height: size }}
          data-testid='comment-avatar'
        />
      ) : (
        <View
          className='comment__avatar comment__avatar--initial'
          style={{ width: size, height: size }}
          aria-hidden
          data-testid='comment-avatar-initial'
        >
          <Text>{avatarInitial(author.nickname)}</Text>
        </View>
      )}
      <Text className='comment__nickname'>{author.nickname}</Text>
      <Text className='comment__level' data-testid='comment-level'>
        {author.levelCode}
      </Text>
      <Text className='comment__time'>{formatServerTime(comment.createdAt)}</Text>
    </View>
  )
}

function CommentEntry({
  comment,
  height,
  isReply,
  replyCount,
  myId,
  canReply = true,
  onReplyChosen,
  onDeleteChosen,
  onReportChosen,
}: CommentActions & { comment: CommentReply; height: number; isReply: boolean; replyCount: number }) {
  const text = useMessages(postMessages)
  const isMine = myId !== null && comment.author.id === myId
  const textHeight = height - COMMENT_AUTHOR_HEIGHT - COMMENT_ACTIONS_HEIGHT
  const reasonLine = removalReasonLine(comment, text)
  return (
    <View
      className={`comment ${isReply ? 'comment--reply' : ''}`}
      style={{ height: designLength(height) }}
      data-testid={isReply ? 'reply' : 'comment'}
      data-comment-id={comment.id}
    >
      <CommentAuthorRow comment={comment} />
      <View className='comment__text-box' style={{ height: designLength(textHeight) }}>
        <Text
          className='comment__text'
          style={{ lineHeight: designLength(COMMENT_LINE_HEIGHT) }}
          data-testid='comment-text'
        >
          {comment.replyToMember ? (
            <Text className='comment__addressee' data-testid='comment-addressee'>
              {text.replyingTo(comment.replyToMember.nickname)}
            </Text>
          ) : null}
          {comment.text}
          {/* The operator's reason, on a line of its own (entryDisplayText counts it the same way); none if blank. */}
          {reasonLine === null ? null : (
            <Text className='comment__removed-reason' data-testid='comment-removed-reason'>
              {`\n${reasonLine}`}
            </Text>
          )}
        </Text>
      </View>
      <View className='comment__actions' style={{ height: designLength(COMMENT_ACTIONS_HEIGHT) }}>
        {/* The author's own comment that reports hid: only they see it, it takes no reply until the operator decides.
            The mark sits in the actions row so the thread keeps the height threadLayout gives it. */}
        {comment.isPendingReview ? (
          <Text className='comment__pending-review' role='status' data-testid='comment-pending-review'>
            {text.commentPendingReview}
          </Text>
        ) : null}
        {/* Removed by the operator's review: still its author's to read (and delete), nobody else's. */}
        {comment.isRemoved ? (
          <Text className='comment__pending-review' role='status' data-testid='comment-removed'>
            {text.commentRemoved}
          </Text>
        ) : null}
        {canReply && !comment.isPendingReview && !comment.isRemoved ? (
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
        {isMine ? (
          <View
            className='comment__action'
            hoverClass='comment__action--pressed'
            role='button'
            tabIndex={0}
            data-testid='comment-delete'
            onClick={() => onDeleteChosen(comment, replyCount)}
          >
            <Text>{text.delete}</Text>
          </View>
        ) : null}
        {/* Others' words are reported like a post (the author deletes their own); not on a post that takes nothing. */}
        {!isMine && canReply ? (
          <View
            className='comment__action'
            hoverClass='comment__action--pressed'
            role='button'
            tabIndex={0}
            aria-label={text.reportCommentTitle}
            data-testid='comment-report'
            onClick={() => onReportChosen(comment)}
          >
            <Text>{text.report}</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}

/**
 * A comment deleted, or hidden by reports, while it had replies: their place in the thread, without its words or its
 * author (the server sends neither).
 */
function DeletedComment({ comment, height }: { comment: Comment; height: number }) {
  const text = useMessages(postMessages)
  return (
    <View
      className='comment comment--deleted'
      style={{ height: designLength(height) }}
      data-testid={comment.isHidden ? 'comment-hidden' : 'comment-deleted'}
      data-comment-id={comment.id}
    >
      <Text className='comment__deleted'>{comment.isHidden ? text.commentHidden : text.commentDeleted}</Text>
    </View>
  )
}

type CommentItemProps = CommentActions & {
  comment: Comment
  /** A long thread shows its first replies until 展开 N 条回复 is tapped (threadLayout folds it the same way). */
  isExpanded: boolean
  onExpanded: (commentId: string) => void
}

/** A top-level comment (or its placeholder) and its replies, each entry exactly the height threadLayout gives it. */
export function CommentItem({ comment, isExpanded, onExpanded, ...actions }: CommentItemProps) {
  const text = useMessages(postMessages)
  const layout = threadLayout(comment, text, isExpanded)
  const first = layout.entries[0] ?? 0
  return (
    <View className='comment-block' style={{ height: designLength(layout.height) }}>
      {comment.isDeleted || comment.isHidden || comment.author === null ? (
        <DeletedComment comment={comment} height={first} />
      ) : (
        <CommentEntry
          comment={{ ...comment, author: comment.author }}
          height={first}
          isReply={false}
          replyCount={comment.replies.length}
          {...actions}
        />
      )}
      {shownReplies(comment.replies, isExpanded).map((reply, index) => (
        <CommentEntry
          key={reply.id}
          comment={reply}
          height={layout.entries[index + 1] ?? 0}
          isReply
          replyCount={0}
          {...actions}
        />
      ))}
      {layout.foldedCount > 0 ? (
        <View
          className='comment__action comment__fold'
          style={{ height: designLength(REPLIES_FOLD_HEIGHT) }}
          hoverClass='comment__action--pressed'
          role='button'
          tabIndex={0}
          data-testid='replies-expand'
          onClick={() => onExpanded(comment.id)}
        >
          <Text>{text.expandReplies(layout.foldedCount)}</Text>
        </View>
      ) : null}
    </View>
  )
}
