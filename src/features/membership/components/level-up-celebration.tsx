import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { LevelCode } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { levelsQuery, useLevelCelebrated } from '../api/membership-queries'
import { celebrationMessages } from '../messages/celebration'
import './level-up-celebration.scss'

/**
 * A level-up is celebrated once: the server says which level has not been celebrated yet, and
 * closing the overlay tells it so. Nothing for visitors or when there is nothing new.
 */
export function LevelUpCelebration() {
  const text = useMessages(celebrationMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const overview = useQuery({ ...levelsQuery(), enabled: isSignedIn })
  const celebrated = useLevelCelebrated()
  // Hidden at once on close, even before (or if never) the server records it.
  const [closedLevel, setClosedLevel] = useState<LevelCode | null>(null)

  const levelCode = overview.data?.uncelebratedLevel ?? null
  if (!isSignedIn || !levelCode || levelCode === closedLevel) return null
  const level = overview.data?.levels.find((candidate) => candidate.code === levelCode)
  const levelTitle = level ? `${level.code} ${level.name}` : levelCode

  const onClose = () => {
    setClosedLevel(levelCode)
    celebrated.mutate(levelCode)
  }

  return (
    // catchMove: the page underneath must not scroll through the mask on the mini-program.
    <View className='level-up' catchMove data-testid='level-up-celebration'>
      <View className='level-up__panel' role='dialog' aria-modal='true' aria-label={text.celebrationTitle(levelTitle)}>
        <View className='level-up__rays' />
        <Text className='level-up__badge'>{levelCode}</Text>
        <Text className='level-up__title' data-testid='level-up-title'>
          {text.celebrationTitle(levelTitle)}
        </Text>
        {level && level.benefits.length > 0 ? (
          <View className='level-up__benefits'>
            <Text className='level-up__benefits-title'>{text.celebrationNewBenefits}</Text>
            {level.benefits.map((benefit) => (
              <Text key={benefit.code} className='level-up__benefit'>
                ✓ {benefit.name}
              </Text>
            ))}
          </View>
        ) : null}
        <ActionButton isBlock testId='level-up-close' onTap={onClose}>
          {text.celebrationClose}
        </ActionButton>
      </View>
    </View>
  )
}
