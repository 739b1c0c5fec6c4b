import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './action-button.scss'

type ActionButtonProps = {
  children: ReactNode
  onTap: () => void
  variant?: 'primary' | 'secondary' | 'text'
  isDisabled?: boolean
  isBusy?: boolean
  isBlock?: boolean
  testId?: string
}

/**
 * The app's button: an 88rpx tap target with hover-class feedback (works on the mini-program,
 * where :active does not), and no second tap while busy.
 */
export function ActionButton({ children, onTap, variant = 'primary', isDisabled, isBusy, isBlock, testId }: ActionButtonProps) {
  const isInactive = Boolean(isDisabled || isBusy)
  const className = [
    'action-button',
    `action-button--${variant}`,
    isBlock ? 'action-button--block' : '',
    isInactive ? 'action-button--inactive' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      className={className}
      hoverClass={isInactive ? 'none' : 'action-button--pressed'}
      hoverStayTime={80}
      role='button'
      tabIndex={0}
      aria-disabled={isInactive}
      data-testid={testId}
      onClick={() => {
        if (!isInactive) onTap()
      }}
    >
      {children}
    </View>
  )
}
