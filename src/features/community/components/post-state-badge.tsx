import { Text } from '@tarojs/components'
import type { Post } from '@/contract'
import { useMessages } from '@/lib/i18n'
import { composeMessages } from '../compose-messages'
import './post-state-badge.scss'

type PostStateBadgeProps = {
  status: Post['status']
  /** A rejected post the operator removed after it was published (OwnPost): 已被移除, not 未通过. */
  isRemoved?: boolean
}

/** 审核中 / 已发布 / 未通过 / 已隐藏 / 已被移除, as the server decided. */
export function PostStateBadge({ status, isRemoved = false }: PostStateBadgeProps) {
  const text = useMessages(composeMessages)
  return (
    <Text className={`post-state post-state--${status}`} data-testid='post-state'>
      {isRemoved ? text.removed : text.states[status]}
    </Text>
  )
}
