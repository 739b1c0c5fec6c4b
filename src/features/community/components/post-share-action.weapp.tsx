import { Button, Text } from '@tarojs/components'
import type { Post } from '@/contract'
import { useMessages } from '@/lib/i18n'
import { postMessages } from '../post-messages'

/**
 * weapp: WeChat's own share button; the page's useShareAppMessage (packages/community/post/use-post-share.weapp.ts)
 * answers the payload with the author's code, so `post` is the H5 version's concern.
 */
export function PostShareAction(_props: { post: Post }) {
  const text = useMessages(postMessages)
  return (
    <Button openType='share' className='post-detail__action post-detail__share' data-testid='post-share'>
      <Text>{text.share}</Text>
    </Button>
  )
}
