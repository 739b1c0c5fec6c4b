import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { Gift } from '@/contract'
import { formatPoints } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { mallMessages } from '../messages'
import './gift-grid.scss'

const FEW_LEFT = 10

function StockBadge({ gift }: { gift: Gift }) {
  const text = useMessages(mallMessages)
  if (gift.stock === 0) return <Text className='gift-card__badge gift-card__badge--out'>{text.soldOut}</Text>
  if (gift.minLevel !== 'V1') return <Text className='gift-card__badge'>{text.levelRequired(gift.minLevel)}</Text>
  if (gift.stock <= FEW_LEFT) return <Text className='gift-card__badge'>{text.fewLeft(gift.stock)}</Text>
  return null
}

export function GiftGrid({ gifts }: { gifts: readonly Gift[] }) {
  const text = useMessages(mallMessages)
  return (
    <View className='gift-grid' data-testid='gift-grid'>
      {gifts.map((gift) => (
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
              <Image className='gift-card__img' src={gift.images[0]} mode='aspectFill' lazyLoad aria-hidden='true' />
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
