import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { useMessages } from '@/lib/i18n'
import { topicsQuery } from '../api/post-queries'
import { feedMessages } from '../feed-messages'
import './topic-chips.scss'

type TopicChipsProps = { topic: string | undefined; onTopicChosen: (topic: string | undefined) => void }

/** The server's topics as chips; "全部" clears the filter. */
export function TopicChips({ topic, onTopicChosen }: TopicChipsProps) {
  const text = useMessages(feedMessages)
  const topics = useQuery(topicsQuery()).data?.items ?? []
  const chips = [
    { name: undefined, label: text.allTopics },
    ...topics.map((item) => ({ name: item.name, label: `#${item.name}` })),
  ]
  return (
    // A scrolling View, not <ScrollView>: on H5 every Taro component loads with the first screen.
    <View className='topic-chips' role='radiogroup' aria-label={text.topicsLabel}>
      {chips.map((chip) => (
        <View
          key={chip.name ?? ''}
          role='radio'
          tabIndex={0}
          aria-checked={chip.name === topic}
          className={`topic-chips__chip ${chip.name === topic ? 'topic-chips__chip--active' : ''}`}
          hoverClass='topic-chips__chip--pressed'
          data-testid={`topic-${chip.name ?? 'all'}`}
          onClick={() => onTopicChosen(chip.name)}
        >
          <Text>{chip.label}</Text>
        </View>
      ))}
    </View>
  )
}
