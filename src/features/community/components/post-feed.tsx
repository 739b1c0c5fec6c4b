import { useInfiniteQuery } from '@tanstack/react-query'
import { InfiniteList } from '@/components/infinite-list'
import { useMessages } from '@/lib/i18n'
import { postsQuery, type PostSection } from '../api/post-queries'
import { communityMessages } from '../messages'
import { PostList } from './post-list'

export function PostFeed({ section, limitTo }: { section: PostSection; limitTo?: number }) {
  const text = useMessages(communityMessages)
  return (
    <InfiniteList query={useInfiniteQuery(postsQuery(section))} emptyTitle={text.empty} limitTo={limitTo}>
      {(posts) => <PostList posts={posts} />}
    </InfiniteList>
  )
}
