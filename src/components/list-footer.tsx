import { Text, View } from '@tarojs/components'
import { commonMessages, useMessages } from '@/lib/i18n'
import { ActionButton } from './action-button'

type ListFooterProps = { hasNextPage: boolean; isFetchingNextPage: boolean; onLoadMore: () => void }

/** The end of an endless list: load more (also on reaching the bottom), loading, or the end. */
export function ListFooter({ hasNextPage, isFetchingNextPage, onLoadMore }: ListFooterProps) {
  const text = useMessages(commonMessages)
  return (
    <View className='list-footer' data-testid='list-footer'>
      {hasNextPage ? (
        <ActionButton variant='text' isBusy={isFetchingNextPage} onTap={onLoadMore}>
          {isFetchingNextPage ? text.loading : text.loadMore}
        </ActionButton>
      ) : (
        <Text className='list-footer__end'>{text.noMore}</Text>
      )}
    </View>
  )
}
