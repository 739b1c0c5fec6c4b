import Taro from '@tarojs/taro'
import type { Post } from '@/contract'
import { composeMessages } from '../compose-messages'
import { communityRoutes } from './community-routes'
import { hasDraftContent, useComposeDraft } from './compose-draft'

type ComposeText = (typeof composeMessages)['zh-CN']

/**
 * 修改后重发 (from 我的笔记 or the post's page): the composer opens filled with the rejected post, so the author changes
 * the flagged words instead of starting over. A draft that already is this post's correction is kept as it is; an
 * unsaved draft of another post is replaced only after the author agrees. Answers whether the composer was opened.
 */
export async function reworkPost(
  post: Pick<Post, 'id' | 'author' | 'text' | 'topic' | 'images' | 'productId'>,
  text: ComposeText,
  /** From the rejected post's own page: the composer takes its place (once the fix is accepted it is deleted). */
  isLeavingPostPage = false,
): Promise<boolean> {
  // Only its author reworks a post: another member's draft left on a shared phone is dropped here, as the composer
  // would drop it (unasked: it is not theirs to keep), and not later, which would empty the reworked draft.
  useComposeDraft.getState().ownerSeen(post.author.id)
  const draft = useComposeDraft.getState()
  if (!draft.replaces.includes(post.id)) {
    if (hasDraftContent(draft)) {
      const answer = await Taro.showModal({
        title: text.reworkReplaceTitle,
        content: text.reworkReplaceDraft,
        confirmText: text.reworkReplaceConfirm,
      })
      if (!answer.confirm) return false
    }
    useComposeDraft.getState().reworkStarted(post)
  }
  if (isLeavingPostPage) await Taro.redirectTo({ url: communityRoutes.compose })
  else await Taro.navigateTo({ url: communityRoutes.compose })
  return true
}
