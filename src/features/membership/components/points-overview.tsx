import { useState } from 'react'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { LedgerEntry, PointsSummary } from '@/contract'
import { InfiniteList } from '@/components/infinite-list'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { formatPoints, formatServerTime, formatShortDate } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { pointsLedgerQuery, pointsSummaryQuery, type LedgerDirection } from '../api/points-queries'
import { pointsMessages } from '../messages/points'
import './points-overview.scss'

const DIRECTIONS: readonly LedgerDirection[] = ['all', 'earned', 'spent']

/**
 * When pending points become available, as the server decides it: the day, and the time unless it is the day's start
 * (points released at 20:00 are not there at 09:00, so "11-30 起可用" alone would promise them too early).
 */
function releaseTime(release: { on: string; at: string }): string {
  const time = formatServerTime(release.at).slice(11)
  return time === '00:00' ? formatShortDate(release.on) : `${formatShortDate(release.on)} ${time}`
}

function SummaryCard({ summary }: { summary: PointsSummary }) {
  const text = useMessages(pointsMessages)
  return (
    <View className='points-summary' data-testid='points-summary'>
      <Text className='points-summary__label'>{text.balance}</Text>
      <Text className='points-summary__balance' data-testid='summary-balance'>
        {formatPoints(summary.balance)}
      </Text>
      <Text className='points-summary__growth'>{text.growth(formatPoints(summary.growth))}</Text>
      {summary.nextRelease ? (
        <Text className='points-summary__note' data-testid='points-pending'>
          {summary.nextRelease.points === summary.pending
            ? text.pending(formatPoints(summary.pending), releaseTime(summary.nextRelease))
            : text.pendingFirst(
                formatPoints(summary.pending),
                formatPoints(summary.nextRelease.points),
                releaseTime(summary.nextRelease),
              )}
        </Text>
      ) : null}
      {summary.expiringSoon ? (
        <Text className='points-summary__warning' data-testid='points-expiring'>
          {text.expiring(formatPoints(summary.expiringSoon.points), summary.expiringSoon.on)}
        </Text>
      ) : null}
    </View>
  )
}

function LedgerRow({ entry }: { entry: LedgerEntry }) {
  const text = useMessages(pointsMessages)
  const isGain = entry.delta > 0
  return (
    <View className='ledger-row' data-testid='ledger-row'>
      <View className='ledger-row__what'>
        <Text className='ledger-row__reason'>{entry.reason}</Text>
        <Text className='ledger-row__time'>
          {formatServerTime(entry.createdAt)}
          {entry.expiresAt && isGain ? ` · ${text.expiresOn(entry.expiresAt.slice(0, 10))}` : ''}
        </Text>
      </View>
      <Text className={`ledger-row__delta ${isGain ? 'ledger-row__delta--gain' : ''}`} data-testid='ledger-delta'>
        {isGain ? '+' : '−'}
        {formatPoints(Math.abs(entry.delta))}
      </Text>
    </View>
  )
}

/** Balance, pending and expiring points, and the whole ledger as an endless list. */
export function PointsOverview() {
  const text = useMessages(pointsMessages)
  const [direction, setDirection] = useState<LedgerDirection>('all')
  const summary = useQuery(pointsSummaryQuery())
  const ledger = useInfiniteQuery(pointsLedgerQuery(direction))
  return (
    <View>
      <QueryState query={summary} skeleton={<Skeleton rows={1} />}>
        {(data) => <SummaryCard summary={data} />}
      </QueryState>
      <View className='ledger-filters' role='tablist'>
        {DIRECTIONS.map((item) => (
          <View
            key={item}
            role='tab'
            tabIndex={0}
            aria-selected={item === direction}
            data-testid={`ledger-filter-${item}`}
            className={`ledger-filters__item ${item === direction ? 'ledger-filters__item--active' : ''}`}
            hoverClass='ledger-filters__item--pressed'
            onClick={() => setDirection(item)}
          >
            <Text>{text.filters[item]}</Text>
          </View>
        ))}
      </View>
      <InfiniteList query={ledger} emptyTitle={text.empty}>
        {(entries) => (
          <View className='ledger'>
            {entries.map((entry) => (
              <LedgerRow key={entry.id} entry={entry} />
            ))}
          </View>
        )}
      </InfiniteList>
    </View>
  )
}
