import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { Gift } from '@/contract'
import { formatPoints } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { mallMessages } from '../messages'
import './gift-grid.scss'

const FEW_LEFT = 10
/** Cards a phone shows before scrolling (two rows): the skeleton's count, and the pictures loaded at once. */
export const FIRST_SCREEN_CARDS = 4

function StockBadge({ gift }: { gift: Gift }) {
  const text = useMessages(mallMessages)
  if (gift.stock === 0) return <Text className='gift-card__badge gift-card__badge--out'>{text.soldOut}</Text>
  if (gift.minLevel !== 'V1') return <Text className='gift-card__badge'>{text.levelRequired(gift.minLevel)}</Text>
  if (gift.stock <= FEW_LEFT) return <Text className='gift-card__badge'>{text.fewLeft(gift.stock)}</Text>
  return null
}

/**
 * The grid's first-load placeholder: the same grid and card boxes with empty lines, so the page does not move
 * when the gifts arrive (a 3-row generic skeleton was ~300 px shorter than 4 cards and pushed home's next
 * section down: most of home's layout shift in Lighthouse).
 */
export function GiftGridSkeleton({ count }: { count: number }) {
  return (
    <View className='gift-grid' data-testid='skeleton' aria-busy='true'>
      {Array.from({ length: count }, (_, index) => (
        <View key={index} className='gift-card gift-card--skeleton'>
          <View className='gift-card__image' />
          <Text className='gift-card__name gift-card__line'>{'\u00a0'}</Text>
          <Text className='gift-card__cost gift-card__line'>{'\u00a0'}</Text>
        </View>
      ))}
    </View>
  )
}

export function GiftGrid({ gifts }: { gifts: readonly Gift[] }) {
  const text = useMessages(mallMessages)
  return (
    <View className='gift-grid' data-testid='gift-grid'>
      {gifts.map((gift, index) => (
        <View
          key={gift.id}
          className='gift-card'
          hoverClass='gift-card--pressed'
          role='link'
          tabIndex={0}
          data-testid='gift-card'
          data-gift-id={gift.id}
          onClick={() => void Taro.navigateTo({ url: `${routes.gift}?id=${encodeURIComponent(gift.id)}` })}
        >
          <View className='gift-card__image'>
            {gift.images[0] ? (
              // The first screen's pictures load with the page (one is the largest paint of home and the mall);
              // lazy ones wait for an IntersectionObserver callback and a re-render before they even start.
              <Image
                className='gift-card__img'
                src={gift.images[0]}
                mode='aspectFill'
                lazyLoad={index >= FIRST_SCREEN_CARDS}
                aria-hidden='true'
              />
            ) : null}
            <StockBadge gift={gift} />
          </View>
          <Text className='gift-card__name'>{gift.name}</Text>
          <Text className='gift-card__cost'>{text.pointsCost(formatPoints(gift.pointsCost))}</Text>
        </View>
      ))}
    </View>
  )
}
