import { useState } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Input, Text, View } from '@tarojs/components'
import type { ReviewItem } from '@/contract/mock-tools'
import { ActionButton } from '@/components/action-button'
import { formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
// The reasons as members chose them in the report sheet: one list, so a new reason is named once.
import { reportMessages } from '@/features/community/report-messages'
import { reviewsQuery, type PreviewAction } from '../api/preview-queries'
import { previewMessages } from '../messages'

type ReviewQueueProps = {
  isBusy: boolean
  /** The console runs the decision (then every query refreshes: the app shows the post or comment back, or not). */
  onDecided: (action: PreviewAction) => void
}

/**
 * 待复核: what reports hid (5 distinct members), newest first, a page at a time (加载更多), with its words, author and reasons, and the operator's
 * two decisions: restore (visible again, reports cleared) or remove with a reason (a post's author reads it).
 */
export function ReviewQueue({ isBusy, onDecided }: ReviewQueueProps) {
  const text = useMessages(previewMessages)
  const { reportReasons } = useMessages(reportMessages)
  const reviews = useInfiniteQuery(reviewsQuery())
  const [reason, setReason] = useState('')
  const items = reviews.data?.pages.flatMap((page) => page.items) ?? []
  const removeReasonOf = (item: ReviewItem): string => {
    const typed = reason.trim()
    if (typed) return typed
    const top = item.reasons[0]?.reason ?? 'other'
    return text.defaultRemoveReason(reportReasons[top] ?? top)
  }
  return (
    <View className='preview-console__section' data-testid='preview-reviews'>
      <Text className='preview-console__label'>{text.reviews}</Text>
      {reviews.data && items.length === 0 ? (
        <Text className='preview-console__note' data-testid='preview-reviews-empty'>
          {text.reviewsEmpty}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Input
          className='preview-console__input'
          data-testid='preview-review-reason'
          aria-label={text.removeReason}
          placeholder={text.removeReason}
          maxlength={100}
          value={reason}
          onInput={(event) => setReason(event.detail.value)}
        />
      ) : null}
      {items.map((item) => (
        <View
          key={`${item.kind}-${item.id}`}
          className='preview-console__persona'
          data-testid={`preview-review-${item.id}`}
        >
          <Text className='preview-console__persona-description'>
            {text.reviewMeta(
              text.reviewKinds[item.kind] ?? item.kind,
              item.author.nickname,
              item.reportCount,
              formatServerTime(item.hiddenAt),
            )}
          </Text>
          {/* User text, shown as text. */}
          <Text className='preview-console__persona-title' data-testid='preview-review-text'>
            {item.text}
          </Text>
          <Text className='preview-console__note'>
            {item.reasons
              .map(({ reason: code, count }) => text.reviewReasonCount(reportReasons[code] ?? code, count))
              .join(' · ')}
          </Text>
          <View className='preview-console__row'>
            <ActionButton
              variant='secondary'
              testId='preview-review-restore'
              isBusy={isBusy}
              onTap={() => onDecided({ kind: 'review', target: item.kind, id: item.id, decision: 'restore' })}
            >
              {text.restore}
            </ActionButton>
            <ActionButton
              variant='text'
              testId='preview-review-remove'
              isBusy={isBusy}
              onTap={() =>
                onDecided({
                  kind: 'review',
                  target: item.kind,
                  id: item.id,
                  decision: 'remove',
                  reason: removeReasonOf(item),
                })
              }
            >
              {text.remove}
            </ActionButton>
          </View>
        </View>
      ))}
      {reviews.hasNextPage ? (
        <ActionButton
          variant='secondary'
          testId='preview-reviews-more'
          isBusy={reviews.isFetchingNextPage}
          onTap={() => void reviews.fetchNextPage()}
        >
          {text.reviewsMore}
        </ActionButton>
      ) : null}
    </View>
  )
}
