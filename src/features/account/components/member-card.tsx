import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { Member } from '@/contract'
import { levelProgress, useAppConfig } from '@/lib/app-config'
import { avatarInitial, formatPoints } from '@/lib/format'
import { commonMessages, useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { accountMessages } from '../messages'
import './member-card.scss'

/** Who the member is at a glance: level badge and name from the config, points, growth to the next level. */
export function MemberCard({ member }: { member: Member }) {
  const config = useAppConfig()
  const text = useMessages(accountMessages)
  const common = useMessages(commonMessages)
  const progress = levelProgress(config?.levels ?? [], member.growth)
  return (
    <View className='member-card' data-testid='member-card'>
      <View className='member-card__head'>
        {/* Avatars are square (WeChat's picker and the H5 one crop them): the image takes the initial's round place,
            scaled rather than cropped, and its styles, which leaves the main package's bytes for other things. */}
        {member.avatarUrl ? (
          <Image className='member-card__avatar' src={member.avatarUrl} aria-hidden />
        ) : (
          <View className='member-card__avatar'>{avatarInitial(member.nickname)}</View>
        )}
        <View className='member-card__who'>
          <Text className='member-card__name'>{text.signedInAs(member.nickname)}</Text>
          <View
            className='member-card__level'
            hoverClass='member-card--pressed'
            onClick={() => void Taro.navigateTo({ url: routes.levels })}
          >
            <Text className='member-card__badge'>{member.levelCode}</Text>
            <Text data-testid='level-name'>{progress.current?.name ?? member.levelCode}</Text>
          </View>
        </View>
        <View
          className='member-card__points'
          hoverClass='member-card--pressed'
          onClick={() => void Taro.navigateTo({ url: routes.points })}
        >
          <Text className='member-card__points-value' data-testid='points-balance'>
            {formatPoints(member.pointsBalance)}
          </Text>
          <Text className='member-card__points-label'>{common.points}</Text>
        </View>
      </View>
      <View className='member-card__progress' aria-label={`${common.growth} ${member.growth}`}>
        <View className='member-card__bar'>
          <View className='member-card__bar-fill' style={{ width: `${progress.percent}%` }} />
        </View>
        <Text className='member-card__progress-text'>
          {common.growth} {formatPoints(member.growth)}
          {progress.next ? ` / ${formatPoints(progress.next.minGrowth)} → ${progress.next.name}` : ''}
        </Text>
      </View>
    </View>
  )
}
