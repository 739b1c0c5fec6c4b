import { endpoints } from '../../../src/contract'
import type { AppRouter } from '../account/service'
import { feed, postOf, topicsPage } from './service'

export const registerCommunityRoutes = ({ register }: AppRouter): void => {
  register(endpoints.posts, ({ member, query, ...ctx }) => feed(ctx, member?.id ?? null, query))
  register(endpoints.post, ({ member, params, ...ctx }) => postOf(ctx, member?.id ?? null, params.id))
  register(endpoints.topics, ({ query, ...ctx }) => topicsPage(ctx, query))
}
