import { Text, View } from '@tarojs/components'
import type { CheckinRewardAhead } from '@/contract'
import { useMessages } from '@/lib/i18n'
import { checkinMessages } from '../messages/checkin'
import './reward-ladder.scss'

/** The coming days' rewards, bonus days standing out ("day 7 gives +30"). */
export function RewardLadder({ ladder }: { ladder: readonly CheckinRewardAhead[] }) {
  const text = useMessages(checkinMessages)
  return (
    <View className='reward-ladder' data-testid='reward-ladder'>
      {ladder.map((step) => (
        <View
          key={step.date}
          className={`reward-ladder__step ${step.isBonusDay ? 'reward-ladder__step--bonus' : ''}`}
          data-testid={step.isBonusDay ? 'ladder-bonus' : 'ladder-step'}
        >
          <Text className='reward-ladder__points'>+{step.points}</Text>
          <Text className='reward-ladder__day'>{text.dayLabel(step.streakDay)}</Text>
        </View>
      ))}
    </View>
  )
}
