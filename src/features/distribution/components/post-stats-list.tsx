import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { KolPostSort, KolPostStats } from '@/contract/kol'
import { InfiniteList } from '@/components/infinite-list'
import { formatFen, formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { kolPostsQuery } from '../api/kol-queries'
import { kolMessages } from '../kol-messages'
import { kolRoutes } from '../lib/kol-routes'
import './kol.scss'

const SORTS: readonly KolPostSort[] = ['fans', 'newest']

/** 我的粉丝 through this one post. */
export const fansOfPostUrl = (postId: string): string => `${kolRoutes.fans}?postId=${encodeURIComponent(postId)}`

function PostStatsRow({ stats }: { stats: KolPostStats }) {
  const text = useMessages(kolMessages)
  const { post } = stats
  // Optional in the contract: a backend that does not count it sends none.
  const secondLevelOrderCount = stats.secondLevelOrderCount ?? 0
  return (
    <View className='kol-card' data-testid={`post-stats-${post.id}`}>
      {post.isDeleted ? (
        <Text className='kol-muted' data-testid='post-stats-title'>
          {text.fanPostDeleted}
        </Text>
      ) : (
        <View
          className='kol-fan-post'
          hoverClass='kol-row--pressed'
          role='link'
          tabIndex={0}
          data-testid='post-stats-title'
          onClick={() => void Taro.navigateTo({ url: `${routes.communityPost}?id=${encodeURIComponent(post.id)}` })}
        >
          <Text className='kol-fan-post__excerpt'>{post.excerpt || text.fanPostUntitled}</Text>
        </View>
      )}
      <View className='kol-row'>
        <Text className='kol-row__name' data-testid='post-stats-fans'>
          {text.postFanCount(stats.fanCount)}
        </Text>
        {stats.fanCount > 0 || stats.arrivalCount > 0 ? (
          <View
            className='kol-link'
            hoverClass='kol-row--pressed'
            role='link'
            tabIndex={0}
            data-testid='post-stats-open-fans'
            onClick={() => void Taro.navigateTo({ url: fansOfPostUrl(post.id) })}
          >
            <Text>{text.postFansLink}</Text>
          </View>
        ) : null}
      </View>
      <Text className='kol-muted' data-testid='post-stats-line'>
        {text.postStatsLine(stats.arrivalCount, stats.orderCount, formatFen(stats.commissionFen))}
      </Text>
      {/* An order through the post pays the buyer's KOL by first touch: say where the rest went, so 订单 3 beside
          佣金 ¥0.00 reads as what it is, not as money missing; and which orders paid only the level-2 commission, so
          a commission below what the product promises reads as the rule it is. */}
      {stats.orderCount > stats.creditedOrderCount || secondLevelOrderCount > 0 ? (
        <Text className='kol-muted' data-testid='post-stats-orders-split'>
          {text.postOrdersSplit(
            stats.creditedOrderCount,
            secondLevelOrderCount,
            stats.otherKolOrderCount,
            Math.max(0, stats.orderCount - stats.creditedOrderCount - stats.otherKolOrderCount),
          )}
        </Text>
      ) : null}
      <Text className='kol-muted'>{text.postPublishedAt(formatServerTime(stats.createdAt))}</Text>
    </View>
  )
}

/**
 * 笔记带来的粉丝: which of the KOL's 分享赚 posts bring fans (and the arrivals, orders and commission each brought), most
 * fans or newest first, more as the page scrolls; each opens its post, and 看粉丝 opens 我的粉丝 for that post.
 */
export function PostStatsList() {
  const text = useMessages(kolMessages)
  const [sort, setSort] = useState<KolPostSort>('fans')
  const posts = useInfiniteQuery(kolPostsQuery(sort))
  return (
    <View className='kol-lists' data-testid='post-stats'>
      <Text className='kol-section__title kol-lists__heading'>{text.postStatsTitle}</Text>
      <View className='kol-tabs' role='tablist'>
        {SORTS.map((item) => (
          <View
            key={item}
            role='tab'
            tabIndex={0}
            aria-selected={item === sort}
            data-testid={`post-stats-sort-${item}`}
            className={`kol-tabs__item ${item === sort ? 'kol-tabs__item--active' : ''}`}
            hoverClass='kol-tabs__item--pressed'
            onClick={() => setSort(item)}
          >
            <Text>{text.postStatsSorts[item]}</Text>
          </View>
        ))}
      </View>
      <InfiniteList query={posts} emptyTitle={text.postStatsEmpty}>
        {(items) => (
          <View className='kol-rows'>
            {items.map((stats) => (
              <PostStatsRow key={stats.post.id} stats={stats} />
            ))}
          </View>
        )}
      </InfiniteList>
    </View>
  )
}
