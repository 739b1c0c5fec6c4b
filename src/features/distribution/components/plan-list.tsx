import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Plan } from '@/contract/orders'
import { ActionButton } from '@/components/action-button'
import { QueryState } from '@/components/query-state'
import { formatFen, formatServerTime } from '@/lib/format'
import { createIdempotencyKey } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { goToSignIn } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { myPlanQuery, plansQuery, usePurchasePlan } from '../api/order-queries'
import { kolMessages } from '../kol-messages'
import './kol.scss'

function PlanCard({ plan, hasPlan }: { plan: Plan; hasPlan: boolean }) {
  const text = useMessages(kolMessages)
  const locale = useLocale((state) => state.locale)
  const isSignedIn = useSession(selectIsSignedIn)
  const purchase = usePurchasePlan()
  const buy = () => {
    if (!isSignedIn) {
      goToSignIn()
      return
    }
    purchase.mutate(
      { planId: plan.id, idempotencyKey: createIdempotencyKey() },
      {
        onSuccess: ({ membership }) =>
          void Taro.showToast({
            title: text.planBought(formatServerTime(membership.endsAt ?? '').slice(0, 10)),
            icon: 'none',
          }),
        onError: (error) => void Taro.showToast({ title: text.failed(describeError(error, locale)), icon: 'none' }),
      },
    )
  }
  return (
    <View className='kol-card' data-testid={`plan-${plan.id}`}>
      <View className='kol-row'>
        <Text className='kol-row__name'>{plan.name}</Text>
        <Text className='kol-badge'>{text.tiers[plan.tier]}</Text>
      </View>
      <View className='kol-row'>
        <Text className='kol-muted'>
          {text.periods[plan.period]} · {text.days(plan.durationDays)}
        </Text>
        <Text className='kol-amount kol-amount--big'>{formatFen(plan.priceFen)}</Text>
      </View>
      <Text className='kol-muted'>{text.multiplier(plan.benefits.checkinMultiplierPercent)}</Text>
      {plan.benefits.monthlyCouponFen > 0 ? (
        <Text className='kol-muted'>{text.coupon(formatFen(plan.benefits.monthlyCouponFen))}</Text>
      ) : null}
      {plan.benefits.priorityShipping ? <Text className='kol-muted'>{text.priorityShipping}</Text> : null}
      {plan.grantsDistribution ? <Text className='kol-earn'>{text.grantsDistribution}</Text> : null}
      <ActionButton isBlock testId={`plan-buy-${plan.id}`} isBusy={purchase.isPending} onTap={buy}>
        {hasPlan ? text.extendPlan : text.buyPlan}
      </ActionButton>
    </View>
  )
}

/** The plans with price, duration and benefits; mine with its end date; buying again extends it. */
export function PlanList() {
  const text = useMessages(kolMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const plans = useQuery(plansQuery())
  const mine = useQuery({ ...myPlanQuery(), enabled: isSignedIn })
  const current = mine.data?.current ?? null
  return (
    <View className='kol-lists' data-testid='plan-list'>
      {isSignedIn && mine.data ? (
        <View className='kol-section' data-testid='my-plan'>
          <Text className='kol-section__title'>{text.currentPlan}</Text>
          {current ? (
            <>
              <Text className='kol-row__name'>{current.name}</Text>
              <Text className='kol-muted' data-testid='my-plan-ends'>
                {text.endsAt(formatServerTime(mine.data.endsAt ?? current.endsAt))}
              </Text>
            </>
          ) : (
            <Text className='kol-muted'>{text.noPlan}</Text>
          )}
        </View>
      ) : null}
      <QueryState query={plans}>
        {(data) => (
          <View className='kol-rows'>
            {data.items.map((plan) => (
              <PlanCard key={plan.id} plan={plan} hasPlan={Boolean(mine.data?.endsAt)} />
            ))}
          </View>
        )}
      </QueryState>
    </View>
  )
}
