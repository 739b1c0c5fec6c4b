import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useQuery } from '@tanstack/react-query'
import { ActionButton } from '@/components/action-button'
import { ErrorState, Skeleton } from '@/components/page-state'
import { useMessages } from '@/lib/i18n'
import { myPostStateQuery } from '../api/compose-queries'
import { composeMessages } from '../compose-messages'
import { communityRoutes } from '../lib/community-routes'
import { PostStateBadge } from './post-state-badge'

type PublishResultProps = {
  postId: string
  /** 修改后重发: the rejected post(s) this one corrects could not be deleted (the author can do it by hand). */
  isReplacedLeft?: boolean
  onWriteAgain: () => void
}

/** After publishing: the post's review state as the server sees it, looked at again while it is in review. */
export function PublishResult({ postId, isReplacedLeft = false, onWriteAgain }: PublishResultProps) {
  const text = useMessages(composeMessages)
  const post = useQuery(myPostStateQuery(postId))
  if (!post.data) {
    return post.isError ? <ErrorState error={post.error} onRetry={() => void post.refetch()} /> : <Skeleton rows={2} />
  }
  const { status, rejectReason, isRemoved } = post.data
  // Removed by the operator after it was published (rare while this page is open): no draft waits to be fixed.
  const canEditAgain = status === 'rejected' && !isRemoved
  return (
    <View className='composer__card composer__result' data-testid='publish-result' data-status={status}>
      <PostStateBadge status={status} isRemoved={isRemoved} />
      <View role='status'>
        <Text className='composer__result-hint' data-testid='publish-state-hint'>
          {isRemoved ? text.removedHint : text.stateHints[status]}
        </Text>
      </View>
      {status === 'rejected' && rejectReason ? (
        <Text className='composer__reason' data-testid='publish-reject-reason'>
          {text.rejectReason(rejectReason)}
        </Text>
      ) : null}
      {isReplacedLeft ? (
        <Text className='composer__reason' data-testid='publish-replaced-left'>
          {text.replacedLeft}
        </Text>
      ) : null}
      <View className='composer__result-actions'>
        {canEditAgain ? (
          <ActionButton testId='publish-edit-again' onTap={onWriteAgain}>
            {text.editAgain}
          </ActionButton>
        ) : (
          <ActionButton variant='secondary' testId='publish-write-another' onTap={onWriteAgain}>
            {text.writeAnother}
          </ActionButton>
        )}
        <ActionButton
          variant='secondary'
          testId='publish-view-mine'
          onTap={() => void Taro.redirectTo({ url: communityRoutes.myPosts })}
        >
          {text.viewMine}
        </ActionButton>
      </View>
    </View>
  )
}
