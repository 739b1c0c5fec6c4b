import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { LabeledImage } from '@/components/labeled-image'
import type { Member } from '@/contract'
import type { GiftDetail } from '@/contract/mall'
import { ActionButton } from '@/components/action-button'
import { EmptyState, ErrorState, Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { meQuery } from '@/features/account/api/account-queries'
import { useAppConfig } from '@/lib/app-config'
import { formatPoints } from '@/lib/format'
import { isApiError } from '@/lib/http'
import { useMessages } from '@/lib/i18n'
import { goToSignIn, routes } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { giftQuery } from '../api/mall-queries'
import { giftMessages } from '../gift-messages'
import { mallMessages } from '../messages'
import { redeemBlock, type RedeemBlock } from '../lib/redeemability'
import { RedeemSheet } from './redeem-sheet'
import './gift-detail-view.scss'

function useBlockLabel(): (block: RedeemBlock) => string {
  const text = useMessages(giftMessages)
  const levels = useAppConfig()?.levels ?? []
  return (block) => {
    switch (block.kind) {
      case 'sign-in':
        return text.signInToRedeem
      case 'sold-out':
        return text.soldOut
      case 'level-too-low': {
        const name = levels.find((level) => level.code === block.minLevel)?.name ?? ''
        return text.levelTooLow(`${block.minLevel} ${name}`.trim())
      }
      case 'limit-reached':
        return text.limitReached(block.limit)
      case 'not-enough-points':
        return text.notEnoughPoints(formatPoints(block.missing))
    }
  }
}

function GiftImages({ gift }: { gift: GiftDetail }) {
  if (gift.images.length === 0) return <View className='gift-detail__image gift-detail__image--empty' />
  if (gift.images.length === 1) {
    return (
      <LabeledImage className='gift-detail__image' src={gift.images[0] ?? ''} mode='aspectFill' label={gift.name} />
    )
  }
  // A plain scrolling strip, not <Swiper> or <ScrollView>: on H5 every Taro component used anywhere
  // loads with the first screen, and Swiper brings its whole carousel library (~60 KB gzip).
  return (
    <View className='gift-detail__strip'>
      {gift.images.map((image, index) => {
        const label = `${gift.name} ${index + 1}/${gift.images.length}`
        return (
          <LabeledImage
            key={image}
            className='gift-detail__image gift-detail__image--in-strip'
            src={image}
            mode='aspectFill'
            label={label}
          />
        )
      })}
    </View>
  )
}

function GiftDetailBody({ gift, member }: { gift: GiftDetail; member: Member | null }) {
  const text = useMessages(giftMessages)
  const mall = useMessages(mallMessages)
  const blockLabel = useBlockLabel()
  const [isSheetOpen, setIsSheetOpen] = useState(false)
  const block = redeemBlock(gift, member)
  return (
    <View className='gift-detail' data-testid='gift-detail'>
      <GiftImages gift={gift} />
      <View className='gift-detail__card'>
        <Text className='gift-detail__cost'>{mall.pointsCost(formatPoints(gift.pointsCost))}</Text>
        <Text className='gift-detail__name'>{gift.name}</Text>
        <View className='gift-detail__facts'>
          <Text className='gift-detail__fact'>{text.kinds[gift.kind]}</Text>
          <Text className='gift-detail__fact'>{gift.stock > 0 ? text.stock(gift.stock) : text.soldOut}</Text>
          <Text className='gift-detail__fact'>{text.perMemberLimit(gift.perMemberLimit, gift.redeemedByMe)}</Text>
          {gift.minLevel !== 'V1' ? <Text className='gift-detail__fact'>{text.minLevel(gift.minLevel)}</Text> : null}
        </View>
        <Text className='gift-detail__description'>{gift.description}</Text>
      </View>
      <View className='gift-detail__bar'>
        {member ? (
          <Text className='gift-detail__balance'>{text.myBalance(formatPoints(member.pointsBalance))}</Text>
        ) : (
          <View />
        )}
        {block ? (
          block.kind === 'sign-in' ? (
            <ActionButton testId='redeem-button' onTap={() => goToSignIn()}>
              {blockLabel(block)}
            </ActionButton>
          ) : (
            <ActionButton testId='redeem-button' isDisabled onTap={() => undefined}>
              {blockLabel(block)}
            </ActionButton>
          )
        ) : (
          <ActionButton testId='redeem-button' onTap={() => setIsSheetOpen(true)}>
            {text.redeem}
          </ActionButton>
        )}
      </View>
      {isSheetOpen && member ? (
        <RedeemSheet gift={gift} member={member} onClosed={() => setIsSheetOpen(false)} />
      ) : null}
    </View>
  )
}

/** An old shared link to a gift taken off the mall (or a mistyped id): retrying cannot bring it back, the mall can. */
function GiftGone() {
  const text = useMessages(giftMessages)
  return (
    <EmptyState
      title={text.goneTitle}
      hint={text.goneHint}
      action={
        <ActionButton testId='back-to-mall' onTap={() => void Taro.switchTab({ url: routes.mall })}>
          {text.backToMall}
        </ActionButton>
      }
    />
  )
}

/** A gift, and the redeem button saying exactly why it is off when it is. */
export function GiftDetailView({ giftId }: { giftId: string }) {
  const isSignedIn = useSession(selectIsSignedIn)
  const gift = useQuery(giftQuery(giftId))
  const me = useQuery({ ...meQuery(), enabled: isSignedIn })
  if (gift.data === undefined && isApiError(gift.error) && gift.error.kind === 'not-found') return <GiftGone />
  return (
    <QueryState query={gift} skeleton={<Skeleton rows={3} />}>
      {(data) =>
        !isSignedIn || me.data ? (
          <GiftDetailBody gift={data} member={me.data ?? null} />
        ) : me.isError ? (
          // The member's balance and level decide the button: without them, a way to load them again, not a skeleton
          // that never ends.
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        ) : (
          <Skeleton rows={1} />
        )
      }
    </QueryState>
  )
}
