import { useCallback } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Post } from '@/contract'
import { InfiniteList } from '@/components/infinite-list'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { postsQuery, type PostSection } from '../api/post-queries'
import { FEED_GAP, postCardLayout } from '../lib/card-layout'
import { communityMessages } from '../messages'
import { PostCard } from './post-card'
import { VirtualStack } from './virtual-stack'

const heightOf = (post: Post) => postCardLayout(post).height
const keyOf = (post: Post) => post.id
const openPost = (post: Post) =>
  void Taro.navigateTo({ url: `${routes.communityPost}?id=${encodeURIComponent(post.id)}` })

/**
 * The 社区 feed of one section (and topic): endless, pulled down to refresh, and virtual, so thousands of posts
 * keep the page at a few dozen cards.
 */
export function CommunityFeed({ section, topic }: { section: PostSection; topic?: string }) {
  const text = useMessages(communityMessages)
  const query = useInfiniteQuery(postsQuery(section, topic))
  usePullDownRefresh(() => {
    void query.refetch().finally(() => void Taro.stopPullDownRefresh())
  })
  const renderItem = useCallback((post: Post) => <PostCard post={post} onOpened={openPost} />, [])
  return (
    <InfiniteList query={query} emptyTitle={text.empty}>
      {(posts) => (
        <VirtualStack
          id={`feed-${section}`}
          testId='post-feed'
          items={posts}
          heightOf={heightOf}
          gap={FEED_GAP}
          keyOf={keyOf}
          renderItem={renderItem}
        />
      )}
    </InfiniteList>
  )
}
