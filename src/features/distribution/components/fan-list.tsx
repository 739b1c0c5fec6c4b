import { useInfiniteQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { InfiniteList } from '@/components/infinite-list'
import { formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { arrivalsQuery, fansQuery } from '../api/kol-queries'
import { kolMessages } from '../kol-messages'
import './kol.scss'

/** Each fan with where they came from, when bound and when protection ends; then the arrivals that did not bind. */
export function FanList() {
  const text = useMessages(kolMessages)
  const fans = useInfiniteQuery(fansQuery())
  const arrivals = useInfiniteQuery(arrivalsQuery())
  return (
    <View className='kol-lists' data-testid='fan-list'>
      <InfiniteList query={fans} emptyTitle={text.fansEmpty}>
        {(items) => (
          <View className='kol-rows'>
            {items.map((fan) => (
              <View key={fan.member.id} className='kol-card' data-testid={`fan-${fan.member.id}`}>
                <View className='kol-row'>
                  <Text className='kol-row__name'>{fan.member.nickname}</Text>
                  <Text className={`kol-badge kol-badge--${fan.source}`} data-testid='fan-source'>
                    {text.sources[fan.source]}
                  </Text>
                </View>
                <Text className='kol-muted'>{text.boundAt(formatServerTime(fan.boundAt))}</Text>
                <Text className='kol-muted'>
                  {fan.isProtected ? text.protectedUntil(formatServerTime(fan.protectedUntil)) : text.protectionOver}
                </Text>
              </View>
            ))}
          </View>
        )}
      </InfiniteList>
      <Text className='kol-section__title kol-lists__heading'>{text.arrivalsTitle}</Text>
      <View data-testid='arrival-list'>
        <InfiniteList query={arrivals} emptyTitle={text.arrivalsEmpty}>
          {(items) => (
            <View className='kol-rows'>
              {items.map((arrival) => (
                <View key={arrival.id} className='kol-card' data-testid={`arrival-${arrival.id}`}>
                  <View className='kol-row'>
                    <Text className='kol-row__name'>{arrival.member.nickname}</Text>
                    <Text className='kol-badge'>{text.sources[arrival.source]}</Text>
                  </View>
                  <Text className='kol-reason' data-testid='arrival-reason'>
                    {text.arrivalReasons[arrival.reason]}
                  </Text>
                  <Text className='kol-muted'>{text.arrivedAt(formatServerTime(arrival.arrivedAt))}</Text>
                </View>
              ))}
            </View>
          )}
        </InfiniteList>
      </View>
    </View>
  )
}
