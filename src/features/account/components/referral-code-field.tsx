import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import * as v from 'valibot'
import { ReferralCode } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { useMessages } from '@/lib/i18n'
import { useReferral } from '@/stores/referral'
import { signInMessages } from '../sign-in-messages'
import './sign-in.scss'
import './referral-code-field.scss'

/**
 * For a friend who has only the printed code (poster, card page) and nothing to scan: the typed code becomes the
 * captured referral code, source `code`, and the sign-in carries it like one from a link. The sign-in page shows
 * this only when nothing was captured, so the typed code is this visitor's first touch, never a replacement.
 * Applied with its own button, not per keystroke: a prefix of a code is itself a well-formed code, and the store
 * keeps the first one it is given. An empty or unapplied field never stands in the way of signing in.
 */
export function ReferralCodeField() {
  const text = useMessages(signInMessages)
  const [isOpen, setIsOpen] = useState(false)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)

  const onApply = () => {
    const typed = code.trim()
    if (!v.is(ReferralCode, typed)) return setError(text.referralCodeInvalid)
    setError(null)
    // The server compares codes case-insensitively (upper()); uppercase so the notice shows it as printed.
    useReferral.getState().captured(typed.toUpperCase(), 'code')
  }

  if (!isOpen) {
    return (
      <View className='referral-code__open'>
        <ActionButton variant='text' testId='referral-code-open' onTap={() => setIsOpen(true)}>
          {text.referralCodeOpen}
        </ActionButton>
      </View>
    )
  }
  return (
    <View className='sign-in-form__field referral-code'>
      <Text className='sign-in-form__label'>{text.referralCodeLabel}</Text>
      <View className='sign-in-form__box'>
        <Input
          className='sign-in-form__input'
          data-testid='referral-code-input'
          aria-label={text.referralCodeLabel}
          maxlength={8}
          placeholder={text.referralCodePlaceholder}
          value={code}
          onInput={(event) => setCode(event.detail.value)}
          onConfirm={onApply}
        />
        <ActionButton variant='text' testId='referral-code-apply' isDisabled={!code.trim()} onTap={onApply}>
          {text.referralCodeApply}
        </ActionButton>
      </View>
      {error ? (
        <Text className='sign-in-form__error' data-testid='referral-code-error'>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
