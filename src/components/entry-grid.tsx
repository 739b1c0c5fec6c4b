import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import './entry-grid.scss'

export type Entry = { key: string; label: string; url: string; glyph: string }

/** A row of shortcuts to other pages (four to a row). */
export function EntryGrid({ entries }: { entries: readonly Entry[] }) {
  return (
    <View className='entry-grid'>
      {entries.map((entry) => (
        <View
          key={entry.key}
          className='entry-grid__item'
          hoverClass='entry-grid__item--pressed'
          role='link'
          tabIndex={0}
          data-testid={`entry-${entry.key}`}
          onClick={() => void Taro.navigateTo({ url: entry.url })}
        >
          <Text className='entry-grid__glyph'>{entry.glyph}</Text>
          <Text className='entry-grid__label'>{entry.label}</Text>
        </View>
      ))}
    </View>
  )
}
