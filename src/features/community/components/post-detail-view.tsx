import { useCallback, useEffect, useState } from 'react'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { COMMENT_TEXT_MAX, isBlankText, type Comment, type CommentReply, type OwnPost } from '@/contract/community'
import { ActionButton } from '@/components/action-button'
import { InfiniteList } from '@/components/infinite-list'
import { QueryState } from '@/components/query-state'
import { meQuery } from '@/features/account/api/account-queries'
import { formatServerTime } from '@/lib/format'
import { isApiError, isOutcomeUnknown } from '@/lib/http'
import { describeError, useLocale, useMessages, type Locale } from '@/lib/i18n'
import { goToSignIn, routes } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import {
  commentsQuery,
  isReplyTargetGone,
  postQuery,
  useCreateComment,
  useDeleteComment,
  useToggleLike,
  type ReportTarget,
} from '../api/post-mutations'
import { isPostDeleteConfirmed, useDeletePost } from '../api/compose-queries'
import { composeMessages } from '../compose-messages'
import { postMessages } from '../post-messages'
import { COMMENT_GAP, imageGridOf } from '../lib/card-layout'
import { threadLayout } from '../lib/comment-layout'
import { commentKeyFor, isCommentPending } from '../lib/comment-intents'
import { measureHeight } from '../lib/measure-height'
import { previewImages } from '../lib/preview-images'
import { reworkPost } from '../lib/rework-post'
import { textRefusalOf } from '../lib/text-refusal'
import { AuthorLine } from './author-line'
import { CommentItem } from './comment-item'
import { CommentTextarea } from './comment-textarea'
import { ImageGrid } from './image-grid'
import { ProductBlock } from './post-card'
import { PostShareAction } from './post-share-action'
import { PostStateBadge } from './post-state-badge'
import { ReportSheet } from './report-sheet'
import { VirtualStack } from './virtual-stack'
import './post-card.scss'
import './post-detail-view.scss'

/**
 * Where sign-in brings a visitor back to: this post, named explicitly (on H5, Taro's getCurrentPages() knows the
 * page but not always its query, so the current route alone could come back to a post page without its id).
 */
const postPath = (postId: string) => `${routes.communityPost}?id=${encodeURIComponent(postId)}`

/** Likes, comments and reports need a member: a visitor goes to sign-in and comes back to this post. */
function useMemberAction(postId: string): (action: () => void) => void {
  const isSignedIn = useSession(selectIsSignedIn)
  return (action) => (isSignedIn ? action() : goToSignIn(postPath(postId)))
}

/**
 * A post only its author can open (审核中, 未通过, 已隐藏, 已被移除): its state instead of likes, comments, reports and 分享,
 * which the server refuses there and which would lead friends to a 404; one the review turned down offers 修改后重发,
 * one the operator removed after it was published does not (it is read as its author reads it: OwnPost).
 */
function UnpublishedState({ post }: { post: OwnPost }) {
  const text = useMessages(composeMessages)
  // The page's one read says whether the operator removed it (postQuery reads OwnPost): no second request.
  const { isRemoved } = post
  const canRework = post.status === 'rejected' && !isRemoved
  return (
    <View className='post-detail__unpublished' data-testid='post-unpublished' data-status={post.status}>
      <View className='post-detail__unpublished-top'>
        <PostStateBadge status={post.status} isRemoved={isRemoved} />
        <Text className='post-detail__unpublished-hint' data-testid='post-state-hint'>
          {isRemoved ? text.removedHint : text.stateHints[post.status]}
        </Text>
      </View>
      {post.status === 'rejected' && post.rejectReason ? (
        <Text className='post-detail__unpublished-reason' data-testid='post-reject-reason'>
          {text.rejectReason(post.rejectReason)}
        </Text>
      ) : null}
      {/* A hidden post was published: what holds while the operator reviews it, not what publishing would bring. */}
      {isRemoved ? null : (
        <Text className='post-detail__unpublished-hint' data-testid='post-unpublished-hint'>
          {post.status === 'hidden' ? text.hiddenHint : text.unpublishedHint}
        </Text>
      )}
      <View className='post-detail__unpublished-actions'>
        {canRework ? (
          <ActionButton testId='post-rework' onTap={() => void reworkPost(post, text, true)}>
            {text.rework}
          </ActionButton>
        ) : null}
        <DeleteOwnPost postId={post.id} className='post-detail__action' />
      </View>
    </View>
  )
}

/** The member signed in now, or null for a visitor. */
function useMyId(): string | null {
  const isSignedIn = useSession(selectIsSignedIn)
  return useQuery({ ...meQuery(), enabled: isSignedIn }).data?.id ?? null
}

/** The author's own post: 删除 (with a confirmation) where others have 举报; the page is left once it is gone. */
function DeleteOwnPost({ postId, className }: { postId: string; className: string }) {
  const text = useMessages(composeMessages)
  const remove = useDeletePost()
  const confirmDelete = async () => {
    if (remove.isPending || !(await isPostDeleteConfirmed(text))) return
    remove.mutate(postId, {
      onSuccess: () => {
        void Taro.showToast({ title: text.deleted, icon: 'none' })
        // Opened from a share (nothing under it in the stack): the community tab instead.
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
        else void Taro.switchTab({ url: routes.community })
      },
    })
  }
  return (
    <View
      className={className}
      hoverClass='post-detail__action--pressed'
      role='button'
      tabIndex={0}
      aria-disabled={remove.isPending}
      data-testid='post-delete'
      onClick={() => void confirmDelete()}
    >
      <Text>{text.delete}</Text>
    </View>
  )
}

function PostBody({ post, onReportChosen }: { post: OwnPost; onReportChosen: () => void }) {
  const text = useMessages(postMessages)
  // An author deletes their own post; reporting it is for others (the server refuses the author's report).
  const isMine = useMyId() === post.author.id
  const asMember = useMemberAction(post.id)
  const toggleLike = useToggleLike(post.id)
  const preview = (index: number) => previewImages(post.images, index)
  return (
    <View className='post-detail' data-testid='post-detail'>
      <AuthorLine author={post.author} isPinned={post.isPinned} height={72} meta={formatServerTime(post.createdAt)} />
      <Text className='post-detail__text' userSelect data-testid='post-full-text'>
        {post.text}
      </Text>
      {post.images.length > 0 ? (
        <ImageGrid images={post.images} grid={imageGridOf(post.images.length)} onImageTapped={preview} />
      ) : null}
      {post.topic ? <Text className='post-detail__topic'>#{post.topic}</Text> : null}
      {/* The same block as on the card: a tap opens the product with this post, so an order pays its author. */}
      {post.productId ? <ProductBlock post={post} productId={post.productId} /> : null}
      {post.status !== 'published' ? <UnpublishedState post={post} /> : null}
      {post.status === 'published' ? (
        <View className='post-detail__actions'>
          <View
            className={`post-detail__action ${post.likedByMe ? 'post-detail__action--on' : ''}`}
            hoverClass='post-detail__action--pressed'
            role='button'
            tabIndex={0}
            aria-pressed={post.likedByMe}
            aria-label={`${post.likedByMe ? text.liked : text.like} ${post.likeCount}`}
            data-testid='like-button'
            onClick={() => asMember(() => toggleLike.mutate(!post.likedByMe))}
          >
            <Text aria-hidden>{post.likedByMe ? '♥' : '♡'}</Text>
            <Text data-testid='like-count'>{post.likeCount}</Text>
          </View>
          <View className='post-detail__action'>
            <Text data-testid='comment-count'>{text.comments(post.commentCount)}</Text>
          </View>
          {/* Every post can be shared; a 分享赚 post's link carries its author's code (lib/post-share). */}
          <PostShareAction post={post} />
          {isMine ? (
            <DeleteOwnPost postId={post.id} className='post-detail__action post-detail__action--end' />
          ) : (
            <View
              className='post-detail__action post-detail__action--end'
              hoverClass='post-detail__action--pressed'
              role='button'
              tabIndex={0}
              data-testid='report-button'
              onClick={() => asMember(onReportChosen)}
            >
              <Text>{text.report}</Text>
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}

const commentKey = (comment: Comment) => comment.id

type CommentSectionProps = {
  postId: string
  /** False on a hidden post: its author reads the comments, nobody adds to them (the server refuses it). */
  canReply: boolean
  onReplyChosen: (comment: CommentReply) => void
  onReportChosen: (comment: CommentReply) => void
  /** Threads whose folded replies were shown (展开), kept by the page: a reply sent into one opens it too. */
  expandedIds: ReadonlySet<string>
  onExpanded: (commentId: string) => void
}

function CommentSection({
  postId,
  canReply,
  onReplyChosen,
  onReportChosen,
  expandedIds,
  onExpanded,
}: CommentSectionProps) {
  const text = useMessages(postMessages)
  const myId = useMyId()
  const query = useInfiniteQuery(commentsQuery(postId))
  const remove = useDeleteComment(postId)
  const onDeleteChosen = useCallback(
    (comment: CommentReply, replies: number) => {
      // A comment with replies stays as their placeholder (the replies are other members' words): said before.
      const content = replies > 0 ? text.deleteKeepsReplies(replies) : text.deleteConfirmContent
      void Taro.showModal({ title: text.deleteConfirmTitle, content }).then(({ confirm }) => {
        if (confirm)
          remove.mutate(comment.id, { onSuccess: () => void Taro.showToast({ title: text.deleted, icon: 'none' }) })
      })
    },
    [remove, text],
  )
  const commentHeight = useCallback(
    (comment: Comment) => threadLayout(comment, text, expandedIds.has(comment.id)).height,
    [text, expandedIds],
  )
  const renderComment = useCallback(
    (comment: Comment) => (
      <CommentItem
        comment={comment}
        myId={myId}
        canReply={canReply}
        onReplyChosen={onReplyChosen}
        onDeleteChosen={onDeleteChosen}
        onReportChosen={onReportChosen}
        isExpanded={expandedIds.has(comment.id)}
        onExpanded={onExpanded}
      />
    ),
    [myId, canReply, onReplyChosen, onDeleteChosen, onReportChosen, expandedIds, onExpanded],
  )
  return (
    <View className='post-comments' data-testid='comment-section'>
      <InfiniteList query={query} emptyTitle={text.noComments}>
        {(comments) => (
          <VirtualStack
            id='post-comments'
            testId='comment-list'
            items={comments}
            heightOf={commentHeight}
            gap={COMMENT_GAP}
            keyOf={commentKey}
            renderItem={renderComment}
          />
        )}
      </InfiniteList>
    </View>
  )
}

/** Why a comment was not sent, in the UI language: a refused text in the composer's words, never the server's. */
function commentProblem(error: unknown, text: (typeof postMessages)['zh-CN'], locale: Locale): string {
  if (isReplyTargetGone(error)) return text.replyTargetGone
  const serverWords = isApiError(error) ? error.fields.text : undefined
  if (serverWords === undefined) return text.commentFailed(describeError(error, locale))
  switch (textRefusalOf(serverWords)) {
    case 'empty':
    case 'blank':
      return text.commentBlank
    case 'tooLong':
      return text.commentTooLong(COMMENT_TEXT_MAX)
    case 'controlCharacters':
      return text.commentHasControl
    default:
      return text.commentRefused
  }
}

/** The counter shows once this close to the limit (the field stops taking characters at it). */
const COUNTER_FROM = COMMENT_TEXT_MAX - 60

let barCount = 0

/** Under the field: a refusal (the member can fix it), or an outcome not known yet (the comment may be posted). */
type Notice = { kind: 'refused' | 'unknown'; text: string }

function CommentBar({
  postId,
  replyTarget,
  onReplyCleared,
  onReplied,
  onHeightChanged,
}: {
  postId: string
  replyTarget: CommentReply | null
  onReplyCleared: () => void
  /** A reply went into this thread (its top-level comment's id): shown, so the thread opens if folded. */
  onReplied: (threadId: string) => void
  /** The bar grows (lines, a reply target, a notice): the page's spacer follows so the last comment stays in view. */
  onHeightChanged: (height: number) => void
}) {
  const text = useMessages(postMessages)
  const locale = useLocale((state) => state.locale)
  const isSignedIn = useSession(selectIsSignedIn)
  const [draft, setDraft] = useState('')
  const [notice, setNotice] = useState<Notice | null>(null)
  const create = useCreateComment(postId)
  const refuse = (words: string) => setNotice({ kind: 'refused', text: words })
  const send = () => {
    if (create.isPending) return
    const trimmed = draft.trim()
    if (isBlankText(trimmed)) return refuse(text.commentBlank)
    // The server counts UTF-16 units (the contract's maxLength): count the same way.
    if (trimmed.length > COMMENT_TEXT_MAX) return refuse(text.commentTooLong(COMMENT_TEXT_MAX))
    setNotice(null)
    // The comment or reply answered: the server hangs a reply to a reply from its top-level comment and names whom
    // it answers (回复 X：), which it could not if it were sent the top-level comment.
    const replyTo = replyTarget?.id
    // One intent per comment (lib/comment-intents): the same words to the same post and reply target, sent again
    // after an answer that never came, reuse its key, so the server replays the first instead of posting twice.
    const intent = { postId, text: trimmed, replyTo }
    const isResend = isCommentPending(intent)
    create.mutate(
      { text: trimmed, replyTo, idempotencyKey: commentKeyFor(intent), isResend },
      {
        onSuccess: (comment) => {
          setDraft('')
          if (comment.replyTo !== null) onReplied(comment.replyTo)
          onReplyCleared()
          void Taro.showToast({ title: text.commented, icon: 'none' })
        },
        onError: (error) => {
          // Nothing left to answer: the words stay, to send as a comment of the post or to another reply.
          if (isReplyTargetGone(error)) onReplyCleared()
          setNotice(
            isOutcomeUnknown(error)
              ? { kind: 'unknown', text: text.commentUnknown }
              : { kind: 'refused', text: commentProblem(error, text, locale) },
          )
        },
      },
    )
  }
  // Its own id: the page stack can hold another post page (hidden) with a bar of its own.
  const [barId] = useState(() => `comment-bar-${(barCount += 1)}`)
  const [fieldResizes, setFieldResizes] = useState(0)
  const onFieldResized = useCallback(() => setFieldResizes((count) => count + 1), [])
  const isCounted = draft.length >= COUNTER_FROM
  // Re-measured when anything that sizes the bar changes: the field's height (its lines), a row above it.
  useEffect(() => {
    measureHeight(barId, onHeightChanged)
  }, [barId, fieldResizes, isCounted, notice, replyTarget, isSignedIn, onHeightChanged])
  const onDraftChanged = (value: string) => {
    setDraft(value)
    // Other words are another comment: "sending again won't post it twice" no longer speaks of them.
    if (notice?.kind === 'unknown') setNotice(null)
  }
  return (
    <View id={barId} className='comment-bar' data-testid='comment-bar'>
      {replyTarget ? (
        <View className='comment-bar__reply'>
          <Text data-testid='reply-target'>{text.replyTo(replyTarget.author.nickname)}</Text>
          <View
            role='button'
            tabIndex={0}
            className='comment-bar__cancel'
            data-testid='cancel-reply'
            onClick={onReplyCleared}
          >
            <Text>{text.cancelReply}</Text>
          </View>
        </View>
      ) : null}
      {notice?.kind === 'refused' ? (
        <View className='comment-bar__problem' role='alert'>
          <Text data-testid='comment-problem'>{notice.text}</Text>
        </View>
      ) : null}
      {notice?.kind === 'unknown' ? (
        <View className='comment-bar__problem comment-bar__problem--unknown' role='status'>
          <Text data-testid='comment-unknown'>{notice.text}</Text>
        </View>
      ) : null}
      {isSignedIn ? (
        <View className='comment-bar__row'>
          <View className='comment-bar__field'>
            <CommentTextarea
              value={draft}
              placeholder={replyTarget ? text.replyPlaceholder(replyTarget.author.nickname) : text.commentPlaceholder}
              label={replyTarget ? text.replyTo(replyTarget.author.nickname) : text.commentLabel}
              maxLength={COMMENT_TEXT_MAX}
              onChange={onDraftChanged}
              onSend={send}
              onResized={onFieldResized}
            />
            {isCounted ? (
              <Text className='comment-bar__count' data-testid='comment-length'>
                {draft.length}/{COMMENT_TEXT_MAX}
              </Text>
            ) : null}
          </View>
          <View
            className={`comment-bar__send ${create.isPending ? 'comment-bar__send--busy' : ''}`}
            hoverClass='comment-bar__send--pressed'
            role='button'
            tabIndex={0}
            aria-disabled={create.isPending}
            data-testid='comment-send'
            onClick={send}
          >
            <Text>{text.send}</Text>
          </View>
        </View>
      ) : (
        <View className='comment-bar__row'>
          <View
            className='comment-bar__sign-in'
            hoverClass='comment-bar__send--pressed'
            role='button'
            tabIndex={0}
            data-testid='comment-sign-in'
            onClick={() => goToSignIn(postPath(postId))}
          >
            <Text>{text.signInToInteract}</Text>
          </View>
        </View>
      )}
    </View>
  )
}

/** The post page: the whole post, likes, comments with one level of replies, and reporting. */
export function PostDetailView({ postId }: { postId: string }) {
  const query = useQuery(postQuery(postId))
  const [replyTarget, setReplyTarget] = useState<CommentReply | null>(null)
  const [reportTarget, setReportTarget] = useState<ReportTarget | null>(null)
  const [expandedIds, setExpandedIds] = useState<ReadonlySet<string>>(() => new Set())
  const onExpanded = useCallback((commentId: string) => setExpandedIds((ids) => new Set(ids).add(commentId)), [])
  const [barHeight, setBarHeight] = useState<number | null>(null)
  const asMember = useMemberAction(postId)
  const onReplyChosen = useCallback((comment: CommentReply) => asMember(() => setReplyTarget(comment)), [asMember])
  const onCommentReportChosen = useCallback(
    (comment: CommentReply) => asMember(() => setReportTarget({ kind: 'comment', id: comment.id })),
    [asMember],
  )
  return (
    <QueryState query={query}>
      {(post) => (
        <View className='post-page'>
          <PostBody post={post} onReportChosen={() => setReportTarget({ kind: 'post', id: postId })} />
          {/* Pending and rejected posts have no comments; a hidden one keeps its own, read-only for its author. */}
          {post.status === 'published' || post.status === 'hidden' ? (
            <CommentSection
              postId={postId}
              canReply={post.status === 'published'}
              onReplyChosen={onReplyChosen}
              onReportChosen={onCommentReportChosen}
              expandedIds={expandedIds}
              onExpanded={onExpanded}
            />
          ) : null}
          {post.status === 'published' ? (
            <>
              <View
                className='comment-bar__spacer'
                style={barHeight === null ? undefined : { height: `${Math.ceil(barHeight)}px` }}
              />
              <CommentBar
                postId={postId}
                replyTarget={replyTarget}
                onReplyCleared={() => setReplyTarget(null)}
                onReplied={onExpanded}
                onHeightChanged={setBarHeight}
              />
            </>
          ) : null}
          {/* One sheet for the post and its comments: keyed by what it reports, so each opening is its own intent. */}
          {reportTarget ? (
            <ReportSheet
              key={`${reportTarget.kind}-${reportTarget.id}`}
              target={reportTarget}
              postId={postId}
              onClosed={() => setReportTarget(null)}
            />
          ) : null}
        </View>
      )}
    </QueryState>
  )
}
