import { allEndpoints } from '../../../src/contract/all'
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
  reportComment,
  topicsPage,
  unlike,
  upload,
  uploadedFile,
} from './service'

export const registerCommunityRoutes = ({ register, serveBytes }: AppRouter): void => {
  register(allEndpoints.posts, ({ member, query, ...ctx }) => feed(ctx, member?.id ?? null, query))
  register(allEndpoints.post, ({ member, params, ...ctx }) => postOf(ctx, member?.id ?? null, params.id))
  register(allEndpoints.topics, ({ query, ...ctx }) => topicsPage(ctx, query))
  register(allEndpoints.createPost, ({ member, body, origin, ...ctx }) => publishPost(ctx, member.id, body, origin))
  register(allEndpoints.deletePost, ({ member, params, ...ctx }) => deletePost(ctx, member.id, params.id))
  register(allEndpoints.myPosts, ({ member, query, ...ctx }) => myPosts(ctx, member.id, query))
  register(allEndpoints.likePost, ({ member, params, ...ctx }) => like(ctx, member.id, params.id))
  register(allEndpoints.unlikePost, ({ member, params, ...ctx }) => unlike(ctx, member.id, params.id))
  register(allEndpoints.comments, ({ member, params, query, ...ctx }) =>
    commentsOf(ctx, member?.id ?? null, params.id, query),
  )
  register(allEndpoints.createComment, ({ member, params, body, ...ctx }) =>
    addComment(ctx, member.id, params.id, body),
  )
  register(allEndpoints.deleteComment, ({ member, params, ...ctx }) => deleteComment(ctx, member.id, params.id))
  register(allEndpoints.reportPost, ({ member, params, body, ...ctx }) => report(ctx, member.id, params.id, body))
  register(allEndpoints.reportComment, ({ member, params, body, ...ctx }) =>
    reportComment(ctx, member.id, params.id, body),
  )
  register(allEndpoints.upload, ({ member, origin, file, ...ctx }) => upload(ctx, member.id, origin, file))
  // The bytes of an upload are not JSON: served apart from the endpoint table, public like the posts showing them.
  serveBytes('/uploads/{name}', (ctx, params) => uploadedFile(ctx, params.name ?? ''))
  register(allEndpoints.events, ({ member, query, ...ctx }) => eventsOf(ctx, member?.id ?? null, query))
  register(allEndpoints.joinEvent, ({ member, params, ...ctx }) => joinEvent(ctx, member.id, params.id))
  register(allEndpoints.certificates, ({ member, query, ...ctx }) => certificatesOf(ctx, member.id, query))
  register(allEndpoints.certificate, ({ params, ...ctx }) => certificateOf(ctx, params.code))
}
