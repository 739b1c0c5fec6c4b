import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { meQuery } from '@/features/account/api/account-queries'
import { defineMessages, useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { kolRoutes } from '../lib/kol-routes'
import { isSignedInNow } from '../lib/signed-in-now'
import './rights-card.scss'

const planMessages = defineMessages({
  'zh-CN': { planUntil: (name: string, date: string) => `${name} · 有效期至 ${date}`, plans: '付费会员' },
  en: { planUntil: (name: string, date: string) => `${name} · until ${date}`, plans: 'Membership plans' },
})

/**
 * On 我的, under the member card: the paid plan in force (from /me's `membership`) and the way to the plans. Not inside
 * the member card itself: that card is on the home page's first screen, where every byte counts.
 */
export function PlanLine() {
  const text = useMessages(planMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const membership = useQuery({ ...meQuery(), enabled: isSignedInNow }).data?.membership ?? null
  if (!isSignedIn) return null
  return (
    <View
      className='rights-card rights-card--plan'
      hoverClass='rights-card--pressed'
      role='link'
      tabIndex={0}
      data-testid='member-plan'
      onClick={() => void Taro.navigateTo({ url: kolRoutes.plans })}
    >
      <View className='rights-card__row'>
        <Text className='rights-card__title'>{text.plans}</Text>
        <Text className='rights-card__link'>
          {membership ? text.planUntil(membership.name, membership.endsAt.slice(0, 10)) : '›'}
        </Text>
      </View>
    </View>
  )
}
