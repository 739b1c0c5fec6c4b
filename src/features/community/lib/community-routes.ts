/**
 * The community's subpackage pages mine and the 我的 tab link to. Apart from `@/lib/routes`, which every page
 * loads: these are imported only where they are used.
 */
export const communityRoutes = {
  compose: '/packages/community/compose/index',
  myPosts: '/packages/community/my-posts/index',
  challenge: '/packages/community/challenge/index',
  certificates: '/packages/community/certificates/index',
  certificate: '/packages/community/certificate/index',
  post: '/packages/community/post/index',
} as const
