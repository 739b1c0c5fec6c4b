import { Text, View } from '@tarojs/components'
import { LabeledImage } from '@/components/labeled-image'
import type { Post } from '@/contract'
import { avatarInitial } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { communityMessages } from '../messages'
import { feedMessages } from '../feed-messages'
import { designLength } from '../lib/design-units'

type AuthorLineProps = { author: Post['author']; isPinned?: boolean; height: number; meta?: string }

/** Avatar (or the nickname's first character), nickname, level badge, and "置顶" for a pinned post. */
export function AuthorLine({ author, isPinned = false, height, meta }: AuthorLineProps) {
  const text = useMessages(feedMessages)
  const community = useMessages(communityMessages)
  return (
    <View className='author-line' style={{ height: designLength(height) }}>
      {author.avatarUrl ? (
        <LabeledImage
          className='author-line__avatar'
          src={author.avatarUrl}
          mode='aspectFill'
          label={text.avatarOf(author.nickname)}
          style={{ width: designLength(height), height: designLength(height) }}
        />
      ) : (
        <View
          className='author-line__avatar author-line__avatar--initial'
          style={{ width: designLength(height), height: designLength(height) }}
          aria-hidden
        >
          <Text>{avatarInitial(author.nickname)}</Text>
        </View>
      )}
      <View className='author-line__names'>
        <Text className='author-line__nickname' data-testid='author-nickname'>
          {author.nickname}
        </Text>
        <Text className='author-line__level' data-testid='author-level'>
          {author.levelCode}
        </Text>
        {isPinned ? <Text className='author-line__pinned'>{community.pinned}</Text> : null}
      </View>
      {meta ? <Text className='author-line__meta'>{meta}</Text> : null}
    </View>
  )
}
