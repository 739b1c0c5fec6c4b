import { endpoints } from '../../../src/contract'
import type { AppRouter } from '../account/service'
import {
  addComment,
  certificateOf,
  certificatesOf,
  commentsOf,
  deleteComment,
  deletePost,
  eventsOf,
  feed,
  joinEvent,
  like,
  myPosts,
  postOf,
  publishPost,
  report,
  topicsPage,
  unlike,
  upload,
  uploadedFile,
} from './service'

export const registerCommunityRoutes = ({ register, serveBytes }: AppRouter): void => {
  register(endpoints.posts, ({ member, query, ...ctx }) => feed(ctx, member?.id ?? null, query))
  register(endpoints.post, ({ member, params, ...ctx }) => postOf(ctx, member?.id ?? null, params.id))
  register(endpoints.topics, ({ query, ...ctx }) => topicsPage(ctx, query))
  register(endpoints.createPost, ({ member, body, ...ctx }) => publishPost(ctx, member.id, body))
  register(endpoints.deletePost, ({ member, params, ...ctx }) => deletePost(ctx, member.id, params.id))
  register(endpoints.myPosts, ({ member, query, ...ctx }) => myPosts(ctx, member.id, query))
  register(endpoints.likePost, ({ member, params, ...ctx }) => like(ctx, member.id, params.id))
  register(endpoints.unlikePost, ({ member, params, ...ctx }) => unlike(ctx, member.id, params.id))
  register(endpoints.comments, ({ member, params, query, ...ctx }) =>
    commentsOf(ctx, member?.id ?? null, params.id, query),
  )
  register(endpoints.createComment, ({ member, params, body, ...ctx }) => addComment(ctx, member.id, params.id, body))
  register(endpoints.deleteComment, ({ member, params, ...ctx }) => deleteComment(ctx, member.id, params.id))
  register(endpoints.reportPost, ({ member, params, body, ...ctx }) => report(ctx, member.id, params.id, body))
  register(endpoints.upload, ({ member, origin, file, ...ctx }) => upload(ctx, member.id, origin, file))
  // The bytes of an upload are not JSON: served apart from the endpoint table, public like the posts showing them.
  serveBytes('/uploads/{name}', (ctx, params) => uploadedFile(ctx, params.name ?? ''))
  register(endpoints.events, ({ member, query, ...ctx }) => eventsOf(ctx, member?.id ?? null, query))
  register(endpoints.joinEvent, ({ member, params, ...ctx }) => joinEvent(ctx, member.id, params.id))
  register(endpoints.certificates, ({ member, query, ...ctx }) => certificatesOf(ctx, member.id, query))
  register(endpoints.certificate, ({ params, ...ctx }) => certificateOf(ctx, params.code))
}
