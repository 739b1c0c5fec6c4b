import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Image, Text, View } from '@tarojs/components'
import type { Redemption, RedemptionStatus } from '@/contract/mall'
import { ActionButton } from '@/components/action-button'
import { InfiniteList } from '@/components/infinite-list'
import { EmptyState } from '@/components/page-state'
import { formatPoints, formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { redemptionsQuery } from '../api/mall-queries'
import { redemptionMessages } from '../redemption-messages'
import './redemption-list.scss'

type Tab = RedemptionStatus | 'all'

const TABS: readonly Tab[] = ['all', 'pending_shipment', 'shipped', 'completed', 'cancelled']

export function RedemptionStatusBadge({ status }: { status: RedemptionStatus }) {
  const text = useMessages(redemptionMessages)
  return (
    <Text className={`redemption-badge redemption-badge--${status}`} data-testid='redemption-status'>
      {text.status[status]}
    </Text>
  )
}

function RedemptionRow({ redemption }: { redemption: Redemption }) {
  const text = useMessages(redemptionMessages)
  return (
    <View
      className='redemption-row'
      hoverClass='redemption-row--pressed'
      data-testid={`redemption-row-${redemption.id}`}
      onClick={() => void Taro.navigateTo({ url: `${routes.redemption}?id=${encodeURIComponent(redemption.id)}` })}
    >
      <View className='redemption-row__image'>
        {redemption.giftImage ? (
          <Image
            className='redemption-row__img'
            src={redemption.giftImage}
            mode='aspectFill'
            lazyLoad
            aria-hidden='true'
          />
        ) : null}
      </View>
      <View className='redemption-row__body'>
        <View className='redemption-row__top'>
          <Text className='redemption-row__name'>{redemption.giftName}</Text>
          <RedemptionStatusBadge status={redemption.status} />
        </View>
        <Text className='redemption-row__meta'>
          {text.quantity(redemption.quantity)} · {text.pointsSpent(formatPoints(redemption.pointsSpent))}
        </Text>
        <Text className='redemption-row__time'>{formatServerTime(redemption.createdAt)}</Text>
      </View>
    </View>
  )
}

/** The member's redemptions by status, newest first, each opening its detail. */
export function RedemptionList() {
  const text = useMessages(redemptionMessages)
  const [tab, setTab] = useState<Tab>('all')
  const redemptions = useInfiniteQuery(redemptionsQuery(tab === 'all' ? undefined : tab))
  const isEmpty = redemptions.data?.pages.every((page) => page.items.length === 0) === true
  return (
    <View className='redemption-list' data-testid='redemption-list'>
      <View className='redemption-tabs' role='tablist'>
        {TABS.map((item) => (
          <View
            key={item}
            role='tab'
            tabIndex={0}
            aria-selected={item === tab}
            data-testid={`redemption-tab-${item}`}
            className={`redemption-tabs__item ${item === tab ? 'redemption-tabs__item--active' : ''}`}
            hoverClass='redemption-tabs__item--pressed'
            onClick={() => setTab(item)}
          >
            <Text>{text.tabs[item]}</Text>
          </View>
        ))}
      </View>
      {tab === 'all' && isEmpty ? (
        // None at all: say what comes here and lead to where it comes from (a filter's empty tab has the others).
        <EmptyState
          title={text.empty}
          hint={text.emptyHint}
          action={
            <ActionButton testId='redemptions-to-mall' onTap={() => void Taro.switchTab({ url: routes.mall })}>
              {text.toMall}
            </ActionButton>
          }
        />
      ) : (
        <InfiniteList query={redemptions} emptyTitle={text.emptyFiltered}>
          {(items) => (
            <View className='redemption-list__rows'>
              {items.map((redemption) => (
                <RedemptionRow key={redemption.id} redemption={redemption} />
              ))}
            </View>
          )}
        </InfiniteList>
      )}
    </View>
  )
}
