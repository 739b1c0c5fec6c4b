import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Post } from '@/contract'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { communityMessages } from '../messages'
import './post-list.scss'

/** Posts as cards. User text is rendered as text (never markup), as the contract requires. */
export function PostList({ posts }: { posts: readonly Post[] }) {
  const text = useMessages(communityMessages)
  return (
    <View className='post-list' data-testid='post-list'>
      {posts.map((post) => (
        <View
          key={post.id}
          className='post-card'
          hoverClass='post-card--pressed'
          role='link'
          tabIndex={0}
          data-testid='post-card'
          onClick={() => void Taro.navigateTo({ url: `${routes.communityPost}?id=${encodeURIComponent(post.id)}` })}
        >
          <View className='post-card__author'>
            <View className='post-card__avatar'>
              <Text>{post.author.nickname.slice(0, 1)}</Text>
            </View>
            <Text className='post-card__nickname'>{post.author.nickname}</Text>
            <Text className='post-card__level'>{post.author.levelCode}</Text>
            {post.isPinned ? <Text className='post-card__pinned'>{text.pinned}</Text> : null}
          </View>
          <Text className='post-card__text'>{post.text}</Text>
          <View className='post-card__meta'>
            {post.topic ? <Text className='post-card__topic'>#{post.topic}</Text> : null}
            <Text>{text.likes(post.likeCount)}</Text>
            <Text>{text.comments(post.commentCount)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
