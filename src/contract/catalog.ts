import * as v from 'valibot'
import { Id, IsoDateTime, LevelCode, NonNegativeInt, PositiveInt } from './common'

export const GiftKind = v.picklist(['physical', 'virtual', 'coupon'])
export const Gift = v.object({
  id: Id,
  name: v.string(),
  description: v.string(),
  category: v.string(),
  images: v.array(v.string()),
  pointsCost: PositiveInt,
  stock: NonNegativeInt,
  perMemberLimit: PositiveInt,
  minLevel: LevelCode,
  kind: GiftKind,
})
export type Gift = v.InferOutput<typeof Gift>

export const GiftCategory = v.object({ id: Id, name: v.string() })
export type GiftCategory = v.InferOutput<typeof GiftCategory>

export const GiftsQuery = v.object({
  category: v.optional(v.pipe(v.string(), v.maxLength(40))),
  affordable: v.optional(v.picklist(['true', 'false'])),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^(?:[1-9]|[1-4]\d|50)$/, 'a whole number from 1 to 50'))),
})

export const PostSection = v.picklist(['recommend', 'hot', 'earn'])
export const PostStatus = v.picklist(['pending', 'published', 'rejected', 'hidden'])
export const Post = v.object({
  id: Id,
  author: v.object({ id: Id, nickname: v.string(), avatarUrl: v.string(), levelCode: LevelCode }),
  text: v.string(),
  images: v.array(v.string()),
  topic: v.nullable(v.string()),
  section: PostSection,
  status: PostStatus,
  likeCount: NonNegativeInt,
  commentCount: NonNegativeInt,
  likedByMe: v.boolean(),
  isPinned: v.boolean(),
  createdAt: IsoDateTime,
  /** Why the review rejected it (shown to its author only); absent or null otherwise. */
  rejectReason: v.optional(v.nullable(v.string())),
  /** The product a share-to-earn post carries. */
  productId: v.optional(v.nullable(Id)),
  /**
   * The author's referral code while the post is published, carries a product, its author distributes now and the
   * operator has distribution switched on, else null: a share of the post carries it (`ref=CODE&postId=ID`), so a friend arriving through it binds to the author.
   * Never answered for anyone else, nor on a post only its author can open (pending, rejected, hidden).
   */
  authorReferralCode: v.optional(v.nullable(v.string())),
})
export type Post = v.InferOutput<typeof Post>

export const PostsQuery = v.object({
  section: v.optional(PostSection),
  topic: v.optional(v.pipe(v.string(), v.maxLength(40))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^(?:[1-9]|[1-4]\d|50)$/, 'a whole number from 1 to 50'))),
})

export const Topic = v.object({ name: v.string(), description: v.string(), postCount: NonNegativeInt })
export type Topic = v.InferOutput<typeof Topic>
