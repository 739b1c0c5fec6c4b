// The landed contract through its index (see community.ts: keeps its inner modules concatenated on the first screen).
import { CursorQuery, defineEndpoint, endpoints, Ok, page, Post } from './index'
import {
  CommentPage,
  Comment,
  CreateCommentRequest,
  CreatePostRequest,
  LikeState,
  OwnPost,
  ReportRequest,
  Reported,
  Uploaded,
  UPLOAD_MAX_BYTES,
} from './community'

/**
 * The community's writes and the pages behind the feed (post composer, comments, uploads; the challenge and its
 * certificates are in ./challenge-endpoints). Apart from `endpoints` so that only the subpackage pages that call them load their schemas:
 * the first screen carries the landed tabs' table alone.
 */
export const communityEndpoints = {
  createPost: defineEndpoint({
    method: 'POST',
    path: '/posts',
    isPublic: false,
    isIdempotent: true,
    body: CreatePostRequest,
    response: Post,
    status: 201,
  }),
  deletePost: defineEndpoint({
    method: 'DELETE',
    path: '/posts/{id}',
    isPublic: false,
    isIdempotent: false,
    response: Ok,
    status: 200,
  }),
  myPosts: defineEndpoint({
    method: 'GET',
    path: '/me/posts',
    isPublic: false,
    isIdempotent: false,
    query: CursorQuery,
    response: page(OwnPost),
    status: 200,
  }),
  likePost: defineEndpoint({
    method: 'POST',
    path: '/posts/{id}/like',
    isPublic: false,
    isIdempotent: true,
    response: LikeState,
    status: 200,
  }),
  unlikePost: defineEndpoint({
    method: 'DELETE',
    path: '/posts/{id}/like',
    isPublic: false,
    isIdempotent: true,
    response: LikeState,
    status: 200,
  }),
  comments: defineEndpoint({
    method: 'GET',
    path: '/posts/{id}/comments',
    isPublic: true,
    isIdempotent: false,
    query: CursorQuery,
    response: CommentPage,
    status: 200,
  }),
  createComment: defineEndpoint({
    method: 'POST',
    path: '/posts/{id}/comments',
    isPublic: false,
    isIdempotent: true,
    body: CreateCommentRequest,
    response: Comment,
    status: 201,
  }),
  deleteComment: defineEndpoint({
    method: 'DELETE',
    path: '/comments/{id}',
    isPublic: false,
    isIdempotent: false,
    response: Ok,
    status: 200,
  }),
  reportPost: defineEndpoint({
    method: 'POST',
    path: '/posts/{id}/report',
    isPublic: false,
    isIdempotent: true,
    body: ReportRequest,
    response: Reported,
    status: 200,
  }),
  reportComment: defineEndpoint({
    method: 'POST',
    path: '/comments/{id}/report',
    isPublic: false,
    isIdempotent: true,
    body: ReportRequest,
    response: Reported,
    status: 200,
  }),
  upload: defineEndpoint({
    method: 'POST',
    path: '/uploads',
    isPublic: false,
    isIdempotent: false,
    file: { field: 'file', maxBytes: UPLOAD_MAX_BYTES },
    response: Uploaded,
    status: 201,
  }),
} as const

/**
 * `GET /posts/{id}` (endpoints.post) answered whole: `OwnPost`, so `isRemoved` is kept (its author's own post the
 * operator removed). The server registers it and the OpenAPI document lists it as `post` (all.ts puts it in that
 * place); the app's first-screen table keeps `Post` for the feed, and the post's own views read it with this.
 */
export const ownPostEndpoint = defineEndpoint({ ...endpoints.post, response: OwnPost })
