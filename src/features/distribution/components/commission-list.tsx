import { useState } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Commission, CommissionStatus } from '@/contract/kol'
import { InfiniteList } from '@/components/infinite-list'
import { formatFen, formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { commissionsQuery } from '../api/kol-queries'
import { kolMessages } from '../kol-messages'
import './kol.scss'

type Tab = CommissionStatus | 'all'
const TABS: readonly Tab[] = ['all', 'pending', 'settled', 'reversed']

type KolText = (typeof kolMessages)['zh-CN']

/** How the buyer came to pay (the server's `origin`); null when it does not say, so the row shows no line. */
function originLine(origin: Commission['origin'], text: KolText): string | null {
  if (!origin) return null
  const post = origin.post
    ? origin.post.isDeleted
      ? text.originPostDeleted
      : origin.post.excerpt
        ? text.originPostExcerpt(origin.post.excerpt)
        : ''
    : ''
  switch (origin.kind) {
    case 'fan':
      return origin.source === null ? null : text.originFan(text.sources[origin.source] ?? origin.source, post)
    case 'post':
      return text.originPost(post)
    case 'link':
      return text.originLink
    case 'downline':
      return origin.downlineNickname === null ? null : text.originDownline(origin.downlineNickname)
  }
}

function CommissionRow({ commission }: { commission: Commission }) {
  const text = useMessages(kolMessages)
  const when =
    commission.status === 'reversed'
      ? text.reversedAt(formatServerTime(commission.reversedAt ?? commission.settlesAt))
      : commission.status === 'settled'
        ? text.settledAt(formatServerTime(commission.settlesAt))
        : text.settlesAt(formatServerTime(commission.settlesAt))
  const origin = originLine(commission.origin, text)
  return (
    <View className='kol-card' data-testid={`commission-${commission.id}`}>
      <View className='kol-row'>
        <Text className='kol-row__name'>{text.orderOf(commission.buyerNickname, commission.itemName)}</Text>
        <Text className={`kol-badge kol-badge--${commission.status}`} data-testid='commission-status'>
          {text.commissionStatus[commission.status]}
        </Text>
      </View>
      {origin === null ? null : (
        <Text className='kol-muted' data-testid='commission-origin'>
          {origin}
        </Text>
      )}
      <View className='kol-row'>
        <Text className='kol-muted'>
          {text.orderAmount(formatFen(commission.orderAmountFen))}
          {commission.level === 2 ? ` · ${text.levelTwo}` : ''}
        </Text>
        <Text
          className={`kol-amount ${commission.status === 'reversed' ? 'kol-amount--reversed' : ''}`}
          data-testid='commission-amount'
        >
          {commission.status === 'reversed'
            ? `-${formatFen(commission.amountFen)}`
            : `+${formatFen(commission.amountFen)}`}
        </Text>
      </View>
      <Text className='kol-muted' data-testid='commission-when'>
        {when}
      </Text>
      <Text className='kol-muted' data-testid='commission-order'>
        {text.orderNumber(commission.orderId)}
      </Text>
    </View>
  )
}

/** Each order's commission with its state and settle date; a refunded order's reversal. */
export function CommissionList() {
  const text = useMessages(kolMessages)
  const [tab, setTab] = useState<Tab>('all')
  const commissions = useInfiniteQuery(commissionsQuery(tab === 'all' ? undefined : tab))
  return (
    <View data-testid='commission-list'>
      <View className='kol-tabs' role='tablist'>
        {TABS.map((item) => (
          <View
            key={item}
            role='tab'
            tabIndex={0}
            aria-selected={item === tab}
            data-testid={`commission-tab-${item}`}
            className={`kol-tabs__item ${item === tab ? 'kol-tabs__item--active' : ''}`}
            hoverClass='kol-tabs__item--pressed'
            onClick={() => setTab(item)}
          >
            <Text>{text.commissionTabs[item]}</Text>
          </View>
        ))}
      </View>
      <InfiniteList query={commissions} emptyTitle={text.commissionsEmptyOf[tab] ?? text.commissionsEmpty}>
        {(items) => (
          <View className='kol-rows'>
            {items.map((commission) => (
              <CommissionRow key={commission.id} commission={commission} />
            ))}
          </View>
        )}
      </InfiniteList>
    </View>
  )
}
