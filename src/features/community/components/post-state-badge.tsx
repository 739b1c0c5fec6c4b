import { Text } from '@tarojs/components'
import type { Post } from '@/contract'
import { useMessages } from '@/lib/i18n'
import { composeMessages } from '../compose-messages'
import './post-state-badge.scss'

/** 审核中 / 已发布 / 未通过 / 已隐藏, as the server decided. */
export function PostStateBadge({ status }: { status: Post['status'] }) {
  const text = useMessages(composeMessages)
  return (
    <Text className={`post-state post-state--${status}`} data-testid='post-state'>
      {text.states[status]}
    </Text>
  )
}
