import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { LevelDefinition, LevelOverview as LevelOverviewData } from '@/contract'
import { levelProgress } from '@/lib/app-config'
import { formatPoints } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { levelMessages } from '../messages/levels'
import './level-overview.scss'

type LevelState = 'current' | 'reached' | 'locked'

type LevelOverviewProps = {
  overview: LevelOverviewData
  /** Shown between the member's progress and the level table (e.g. the birthday gift). */
  children?: ReactNode
}

/** Where the member stands (badge, growth, progress to the next level) and what every level gives. */
export function LevelOverview({ overview, children }: LevelOverviewProps) {
  const text = useMessages(levelMessages)
  const levels = [...overview.levels].sort((a, b) => a.minGrowth - b.minGrowth)
  const progress = levelProgress(levels, overview.growth)
  // The server's level is the truth; the table only names it and places the next step.
  const current = levels.find((level) => level.code === overview.levelCode) ?? progress.current
  const currentIndex = current ? levels.indexOf(current) : -1
  const stateOf = (index: number): LevelState =>
    index === currentIndex ? 'current' : index < currentIndex ? 'reached' : 'locked'
  // Printed under the bar, and the bar's name for a screen reader.
  const toNext = progress.next
    ? text.toNextLevel(formatPoints(progress.growthToNext), `${progress.next.code} ${progress.next.name}`)
    : text.topLevel

  return (
    <View className='level-overview' data-testid='level-overview'>
      <View className='level-overview__card'>
        <View className='level-overview__head'>
          <Text className='level-overview__badge' data-testid='level-badge'>
            {overview.levelCode}
          </Text>
          <View className='level-overview__who'>
            <Text className='level-overview__name' data-testid='level-name'>
              {current?.name ?? overview.levelCode}
            </Text>
            <Text className='level-overview__growth' data-testid='level-growth'>
              {text.growthValue(formatPoints(overview.growth))}
            </Text>
          </View>
        </View>
        <View
          className='level-overview__bar'
          role='progressbar'
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
          aria-label={toNext}
          data-testid='level-progress'
        >
          <View className='level-overview__bar-fill' style={{ width: `${progress.percent}%` }} />
        </View>
        <Text className='level-overview__to-next' data-testid='level-to-next'>
          {toNext}
        </Text>
        <Text className='level-overview__note'>{text.growthNote}</Text>
      </View>
      {children}

      <View className='section-title'>
        <Text>{text.allLevels}</Text>
      </View>
      <View className='level-overview__levels' role='list'>
        {levels.map((level, index) => (
          <LevelRow key={level.code} level={level} state={stateOf(index)} />
        ))}
      </View>
    </View>
  )
}

function LevelRow({ level, state }: { level: LevelDefinition; state: LevelState }) {
  const text = useMessages(levelMessages)
  const stateLabel = { current: text.currentLevel, reached: text.reached, locked: text.locked }[state]
  return (
    <View
      className={`level-row level-row--${state}`}
      role='listitem'
      aria-current={state === 'current' ? 'true' : undefined}
      data-testid={`level-row-${level.code}`}
      data-state={state}
    >
      <View className='level-row__head'>
        <Text className='level-row__badge'>{level.code}</Text>
        <View className='level-row__who'>
          <Text className='level-row__name'>{level.name}</Text>
          <Text className='level-row__threshold'>{text.threshold(formatPoints(level.minGrowth))}</Text>
        </View>
        <Text className='level-row__state'>{stateLabel}</Text>
      </View>
      {level.benefits.length > 0 ? (
        <View className='level-row__benefits' role='list'>
          {level.benefits.map((benefit) => (
            <View key={benefit.code} className='level-row__benefit' role='listitem'>
              <Text className='level-row__benefit-name'>{benefit.name}</Text>
              {benefit.description ? <Text className='level-row__benefit-text'>{benefit.description}</Text> : null}
            </View>
          ))}
        </View>
      ) : (
        <Text className='level-row__benefit-text'>{text.noBenefits}</Text>
      )}
    </View>
  )
}
