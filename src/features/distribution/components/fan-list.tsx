import Taro from '@tarojs/taro'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Fan } from '@/contract/kol'
import { InfiniteList } from '@/components/infinite-list'
import { LabeledImage } from '@/components/labeled-image'
import { formatServerTime } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { arrivalsQuery, fansQuery } from '../api/kol-queries'
import { kolMessages } from '../kol-messages'
import './kol.scss'

type FanMember = Fan['member']

/** The member's avatar, or the first character of their nickname when they have none (as the post cards do). */
function MemberAvatar({ member }: { member: FanMember }) {
  const text = useMessages(kolMessages)
  return member.avatarUrl ? (
    <LabeledImage
      className='kol-avatar'
      src={member.avatarUrl}
      mode='aspectFill'
      label={text.avatarOf(member.nickname)}
      data-testid='member-avatar'
    />
  ) : (
    <View className='kol-avatar kol-avatar--initial' aria-hidden data-testid='member-initial'>
      <Text>{member.nickname.slice(0, 1)}</Text>
    </View>
  )
}

/**
 * The 分享赚 post that brought a fan: its first words, opening the post; a deleted one is named as such and opens
 * nothing (the post page would only say it is gone).
 */
function FanPostLine({ post }: { post: NonNullable<Fan['post']> }) {
  const text = useMessages(kolMessages)
  if (post.isDeleted)
    return (
      <View className='kol-fan-post' data-testid='fan-post'>
        <Text className='kol-fan-post__label'>{text.fanPostFrom}</Text>
        <Text className='kol-muted'>{text.fanPostDeleted}</Text>
      </View>
    )
  return (
    <View
      className='kol-fan-post'
      hoverClass='kol-row--pressed'
      role='link'
      tabIndex={0}
      data-testid='fan-post'
      onClick={() => void Taro.navigateTo({ url: `${routes.communityPost}?id=${encodeURIComponent(post.id)}` })}
    >
      <Text className='kol-fan-post__label'>{text.fanPostFrom}</Text>
      <Text className='kol-fan-post__excerpt'>{post.excerpt || text.fanPostUntitled}</Text>
    </View>
  )
}

/** Over a list filtered by one post: which post (from the rows, which name it), and the way back to all fans. */
function PostFilterHead({ post, onShowAll }: { post: Fan['post']; onShowAll: () => void }) {
  const text = useMessages(kolMessages)
  return (
    <View className='kol-section' data-testid='fans-post-filter'>
      <Text className='kol-section__title'>{text.postFansOf}</Text>
      {post ? <FanPostLine post={post} /> : null}
      <View
        className='kol-link kol-link--start'
        hoverClass='kol-row--pressed'
        role='button'
        tabIndex={0}
        data-testid='fans-show-all'
        onClick={onShowAll}
      >
        <Text>{text.postFansAll}</Text>
      </View>
    </View>
  )
}

type FanListProps = {
  /** Only the fans and arrivals through this post (笔记带来的粉丝's 看粉丝); undefined: everyone. */
  postId?: string
  onShowAll?: () => void
}

/**
 * Each fan with their avatar, where they came from (for a post, which one), when bound and when protection ends; then
 * the arrivals that did not bind, each naming its post the same way.
 */
export function FanList({ postId, onShowAll }: FanListProps) {
  const text = useMessages(kolMessages)
  const fans = useInfiniteQuery(fansQuery(postId))
  const arrivals = useInfiniteQuery(arrivalsQuery(postId))
  const filterPost =
    postId === undefined
      ? null
      : (fans.data?.pages[0]?.items[0]?.post ?? arrivals.data?.pages[0]?.items[0]?.post ?? null)
  return (
    <View className='kol-lists' data-testid='fan-list'>
      {postId === undefined ? null : <PostFilterHead post={filterPost} onShowAll={() => onShowAll?.()} />}
      <InfiniteList query={fans} emptyTitle={postId === undefined ? text.fansEmpty : text.postFansEmpty}>
        {(items) => (
          <View className='kol-rows'>
            {items.map((fan) => (
              <View key={fan.member.id} className='kol-card' data-testid={`fan-${fan.member.id}`}>
                <View className='kol-row'>
                  <MemberAvatar member={fan.member} />
                  <Text className='kol-row__name'>{fan.member.nickname}</Text>
                  <Text className={`kol-badge kol-badge--${fan.source}`} data-testid='fan-source'>
                    {text.sources[fan.source]}
                  </Text>
                </View>
                {fan.post ? <FanPostLine post={fan.post} /> : null}
                <Text className='kol-muted'>{text.boundAt(formatServerTime(fan.boundAt))}</Text>
                <Text className='kol-muted'>
                  {fan.isProtected ? text.protectedUntil(formatServerTime(fan.protectedUntil)) : text.protectionOver}
                </Text>
              </View>
            ))}
          </View>
        )}
      </InfiniteList>
      <Text className='kol-section__title kol-lists__heading'>{text.arrivalsTitle}</Text>
      <View data-testid='arrival-list'>
        <InfiniteList query={arrivals} emptyTitle={text.arrivalsEmpty}>
          {(items) => (
            <View className='kol-rows'>
              {items.map((arrival) => (
                <View key={arrival.id} className='kol-card' data-testid={`arrival-${arrival.id}`}>
                  <View className='kol-row'>
                    <MemberAvatar member={arrival.member} />
                    <Text className='kol-row__name'>{arrival.member.nickname}</Text>
                    <Text className='kol-badge'>{text.sources[arrival.source]}</Text>
                  </View>
                  {arrival.post ? <FanPostLine post={arrival.post} /> : null}
                  <Text className='kol-reason' data-testid='arrival-reason'>
                    {text.arrivalReasons[arrival.reason]}
                  </Text>
                  <Text className='kol-muted'>{text.arrivedAt(formatServerTime(arrival.arrivedAt))}</Text>
                </View>
              ))}
            </View>
          )}
        </InfiniteList>
      </View>
    </View>
  )
}
