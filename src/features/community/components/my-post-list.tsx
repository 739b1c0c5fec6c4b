import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { OwnPost } from '@/contract/community'
import { ActionButton } from '@/components/action-button'
import { InfiniteList } from '@/components/infinite-list'
import { formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { isPostDeleteConfirmed, myPostsQuery, useDeletePost } from '../api/compose-queries'
import { composeMessages } from '../compose-messages'
import { communityRoutes } from '../lib/community-routes'
import { reworkPost } from '../lib/rework-post'
import { PostStateBadge } from './post-state-badge'
import './my-post-list.scss'

function MyPostRow({ post }: { post: OwnPost }) {
  const text = useMessages(composeMessages)
  const deletePost = useDeletePost()
  const confirmDelete = async () => {
    if (await isPostDeleteConfirmed(text)) deletePost.mutate(post.id)
  }
  const isPublished = post.status === 'published'
  return (
    <View className='my-post' data-testid='my-post' data-status={post.status}>
      {/* Every state opens: a published post with its likes and comments, any other with its state, the reason,
          修改后重发 (not for one the operator removed: it was up, and was taken down for what it said) and 删除 (only
          its author can open it). */}
      <View
        className='my-post__body'
        hoverClass='my-post__body--pressed'
        role='link'
        tabIndex={0}
        data-testid='my-post-open'
        onClick={() => void Taro.navigateTo({ url: `${communityRoutes.post}?id=${encodeURIComponent(post.id)}` })}
      >
        {post.images[0] ? (
          <Image className='my-post__thumb' src={post.images[0]} mode='aspectFill' lazyLoad aria-hidden='true' />
        ) : null}
        <View className='my-post__main'>
          <View className='my-post__top'>
            <PostStateBadge status={post.status} isRemoved={post.isRemoved} />
            <Text className='my-post__time'>{formatServerTime(post.createdAt)}</Text>
          </View>
          {/* User text is shown as text, never as markup. */}
          <Text className='my-post__text' data-testid='my-post-text'>
            {post.text}
          </Text>
          {post.topic ? <Text className='my-post__topic'>#{post.topic}</Text> : null}
          {post.status === 'rejected' && post.rejectReason ? (
            <Text className='my-post__reason' data-testid='my-post-reason'>
              {text.rejectReason(post.rejectReason)}
            </Text>
          ) : null}
          {isPublished ? (
            <Text className='my-post__meta'>{text.likesComments(post.likeCount, post.commentCount)}</Text>
          ) : null}
        </View>
      </View>
      <View className='my-post__actions'>
        {post.status === 'rejected' && !post.isRemoved ? (
          <ActionButton variant='text' testId='my-post-rework' onTap={() => void reworkPost(post, text)}>
            {text.rework}
          </ActionButton>
        ) : null}
        <ActionButton
          variant='text'
          isBusy={deletePost.isPending}
          testId='my-post-delete'
          onTap={() => void confirmDelete()}
        >
          {text.delete}
        </ActionButton>
      </View>
    </View>
  )
}

/** The member's own posts in every state (审核中 / 已发布 / 未通过 or 已被移除 with the reason), newest first. */
export function MyPostList() {
  const text = useMessages(composeMessages)
  const posts = useInfiniteQuery({
    ...myPostsQuery(),
    // A post in review turns published or rejected on its own: look again while one is shown.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((post) => post.status === 'pending')) ? 5000 : false,
  })
  return (
    <View className='my-post-list' data-testid='my-post-list'>
      <InfiniteList query={posts} emptyTitle={text.myPostsEmpty}>
        {(items) => items.map((post) => <MyPostRow key={post.id} post={post} />)}
      </InfiniteList>
    </View>
  )
}
