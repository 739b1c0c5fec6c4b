import type { Post } from '@/contract'
import { referralQuery } from '@/features/distribution/lib/share-link'
import { routes } from '@/lib/routes'
import { cutToMaxLength } from './text-limit'

// What a share of a post opens (the post page only: this stays out of the community tab and the main package).

type Shared = Pick<Post, 'id' | 'text' | 'authorReferralCode'>

/** Characters of the post's first line that title a share (WeChat cuts a long title anyway). */
const TITLE_MAX = 30

/**
 * The post page's query for a share: the post, and for a 分享赚 post whose author distributes now the author's code
 * with the post (`ref=CODE&postId=ID`), so a friend arriving through it is reported as an arrival through the post
 * (findReferralSource: source `post`) and binds to the author on first touch. Any other post shares no code.
 */
export function postShareQuery(post: Pick<Shared, 'id' | 'authorReferralCode'>): string {
  const id = encodeURIComponent(post.id)
  const code = post.authorReferralCode
  // `ref=` is added the one way every share adds it (distribution's withReferral); `postId` names the post it came by.
  return code ? `${referralQuery(`id=${id}`, code)}&postId=${id}` : `id=${id}`
}

/** The page path with that query (`/packages/community/post/index?id=...`). */
export const postSharePath = (post: Pick<Shared, 'id' | 'authorReferralCode'>): string =>
  `${routes.communityPost}?${postShareQuery(post)}`

/** The share's title: the post's first line, shortened; empty (the page's own title) for a post of pictures only. */
export function postShareTitle(post: Pick<Shared, 'text'>): string {
  const line = post.text.trim().split('\n')[0] ?? ''
  return line.length > TITLE_MAX ? `${cutToMaxLength(line, TITLE_MAX)}…` : line
}
