import type { Post } from '@/contract'

/**
 * H5: Taro's share hooks are stubs there; the page's 分享 action shares the link itself
 * (post-share-action.tsx). weapp: use-post-share.weapp.ts.
 */
export function usePostShare(_postId: string, _post: Post | undefined): void {}
