import type { Post } from '../../src/contract'
import { endpoints } from '../../src/contract'
import { levelCodeForGrowth } from '../domain/levels'
import { notFound } from '../http/errors'
import { paginate } from '../http/paginate'
import type { Router } from '../http/register'
import type { MemberRecord, MockState, PostRecord } from '../state'

const toPost = (state: MockState, post: PostRecord, viewer: MemberRecord | null): Post => {
  const author = state.members.find((member) => member.id === post.authorId)
  return {
    id: post.id,
    author: author
      ? {
          id: author.id,
          nickname: author.nickname,
          avatarUrl: author.avatarUrl,
          levelCode: levelCodeForGrowth(author.growth, state.config.levels),
        }
      : { id: post.authorId, nickname: '已注销用户', avatarUrl: '', levelCode: 'V1' },
    text: post.text,
    images: [...post.images],
    topic: post.topic,
    section: post.section,
    status: post.status,
    likeCount: post.baseLikeCount + post.likedBy.length,
    commentCount: post.baseCommentCount,
    likedByMe: viewer !== null && post.likedBy.includes(viewer.id),
    isPinned: post.isPinned,
    createdAt: post.createdAt,
  }
}

export const registerCommunityRoutes = ({ register }: Router): void => {
  register(endpoints.posts, ({ state, member, query }) => {
    const posts = state.posts.filter(
      (post) =>
        post.status === 'published' &&
        (query.section === undefined || post.section === query.section) &&
        (query.topic === undefined || post.topic === query.topic),
    )
    const page = paginate(posts, (post) => [post.isPinned ? 0 : 1, -Date.parse(post.createdAt), post.id], query)
    return { items: page.items.map((post) => toPost(state, post, member)), nextCursor: page.nextCursor }
  })

  register(endpoints.post, ({ state, member, params }) => {
    const post = state.posts.find((candidate) => candidate.id === params.id)
    // Unpublished posts exist only for their author: anyone else gets the same 404 as for no post at all.
    if (!post || (post.status !== 'published' && post.authorId !== member?.id)) throw notFound('The post')
    return toPost(state, post, member)
  })

  register(endpoints.topics, ({ state, query }) => {
    const topics = state.topics.map((topic) => ({
      ...topic,
      postCount: state.posts.filter((post) => post.status === 'published' && post.topic === topic.name).length,
    }))
    return paginate(topics, (topic) => [-topic.postCount, topic.name], query)
  })
}
