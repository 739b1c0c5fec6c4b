import { useInfiniteQuery } from '@tanstack/react-query'
import { InfiniteList } from '@/components/infinite-list'
import { useMessages } from '@/lib/i18n'
import { giftsQuery, type GiftFilter } from '../api/gift-queries'
import { mallMessages } from '../messages'
import { FIRST_SCREEN_CARDS, GiftGrid, GiftGridSkeleton } from './gift-grid'

export function GiftList({ filter, limitTo }: { filter?: GiftFilter; limitTo?: number }) {
  const text = useMessages(mallMessages)
  return (
    <InfiniteList
      query={useInfiniteQuery(giftsQuery(filter))}
      emptyTitle={text.empty}
      limitTo={limitTo}
      skeleton={<GiftGridSkeleton count={limitTo ?? FIRST_SCREEN_CARDS} />}
    >
      {(gifts) => <GiftGrid gifts={gifts} />}
    </InfiniteList>
  )
}
