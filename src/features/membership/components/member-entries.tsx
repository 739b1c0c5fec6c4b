import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { memberEntryMessages } from '../messages'
import './member-entries.scss'

const ENTRIES = [
  { key: 'points', url: routes.points, glyph: '¥' },
  { key: 'calendar', url: routes.checkinCalendar, glyph: '✓' },
  { key: 'levels', url: routes.levels, glyph: 'V' },
  { key: 'tasks', url: routes.tasks, glyph: '★' },
] as const

/** The membership pages one tap away. */
export function MemberEntries() {
  const text = useMessages(memberEntryMessages)
  return (
    <View className='member-entries'>
      {ENTRIES.map((entry) => (
        <View
          key={entry.key}
          className='member-entries__item'
          hoverClass='member-entries__item--pressed'
          data-testid={`entry-${entry.key}`}
          onClick={() => void Taro.navigateTo({ url: entry.url })}
        >
          <Text className='member-entries__glyph'>{entry.glyph}</Text>
          <Text className='member-entries__label'>{text[entry.key]}</Text>
        </View>
      ))}
    </View>
  )
}
