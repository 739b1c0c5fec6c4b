import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { commonMessages, describeError, useLocale, useMessages } from '@/lib/i18n'
import { ActionButton } from './action-button'
import './page-state.scss'

/** Grey blocks in the shape of the content, for first loads (no spinner-only screens). */
export function Skeleton({ rows = 3, testId = 'skeleton' }: { rows?: number; testId?: string }) {
  return (
    <View className='skeleton' data-testid={testId} aria-busy='true'>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='skeleton__row' />
      ))}
    </View>
  )
}

/** A failed load: what went wrong in plain words, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const locale = useLocale((state) => state.locale)
  const text = useMessages(commonMessages)
  return (
    <View className='page-state' data-testid='error-state' role='alert'>
      <Text className='page-state__icon'>!</Text>
      <Text className='page-state__title'>{describeError(error, locale)}</Text>
      <ActionButton variant='secondary' onTap={onRetry} testId='retry'>
        {text.retry}
      </ActionButton>
    </View>
  )
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <View className='page-state' data-testid='empty-state'>
      <Text className='page-state__title'>{title}</Text>
      {hint ? <Text className='page-state__hint'>{hint}</Text> : null}
      {action}
    </View>
  )
}
