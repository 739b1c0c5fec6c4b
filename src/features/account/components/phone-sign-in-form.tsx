import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import * as v from 'valibot'
import { MainlandPhone, type SignedIn } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { isApiError } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { useSendSmsCode, useSignInByPhone } from '../api/sign-in-queries'
import { PHONE_INPUT_MAX_LENGTH, PHONE_INPUT_TYPE, PHONE_H5_ATTRIBUTES, phoneDigits } from '../lib/phone-input'
import { signInMessages } from '../sign-in-messages'
import './sign-in.scss'

type FieldName = 'phone' | 'smsCode'

/** H5 sign-in: phone + SMS code, errors next to their field, resend countdown. */
export function PhoneSignInForm({ onSignedIn }: { onSignedIn: (answer: SignedIn) => void }) {
  const text = useMessages(signInMessages)
  const locale = useLocale((state) => state.locale)
  const [phone, setPhone] = useState('')
  const [smsCode, setSmsCode] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [resendAt, setResendAt] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  const sendCode = useSendSmsCode()
  const signIn = useSignInByPhone()

  const secondsLeft = Math.max(0, Math.ceil((resendAt - now) / 1000))
  useEffect(() => {
    if (secondsLeft <= 0) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [secondsLeft])

  const isPhoneValid = v.is(MainlandPhone, phone)

  const onSendCode = () => {
    if (!isPhoneValid) return setFieldErrors({ phone: text.phoneInvalid })
    setFieldErrors({})
    sendCode.mutate(phone, {
      onSuccess: (answer) => {
        setResendAt(Date.now() + answer.resendAfterSeconds * 1000)
        setNow(Date.now())
        void Taro.showToast({ title: text.codeSent, icon: 'none' })
      },
      onError: (error) => {
        // A code went to this phone moments ago (the server's resend interval): that code still works, so count
        // down to when another may be sent rather than leaving the button looking ready.
        if (isApiError(error) && error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
          setResendAt(Date.now() + error.retryAfterSeconds * 1000)
          setNow(Date.now())
        }
      },
    })
  }

  const onSubmit = () => {
    const errors: Partial<Record<FieldName, string>> = {}
    if (!isPhoneValid) errors.phone = text.phoneInvalid
    if (!/^\d{6}$/.test(smsCode)) errors.smsCode = text.codeInvalid
    setFieldErrors(errors)
    if (Object.keys(errors).length > 0) return
    signIn.mutate(
      { phone, smsCode },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          if (!isApiError(error)) return
          if (error.code === 'SMS_CODE_INVALID') setFieldErrors({ smsCode: describeError(error, locale) })
          else if (error.fields.phone) setFieldErrors({ phone: text.phoneInvalid })
          else if (error.fields.smsCode) setFieldErrors({ smsCode: text.codeInvalid })
        },
      },
    )
  }

  const failure = signIn.error ?? sendCode.error
  const isFieldError =
    isApiError(failure) && (failure.code === 'SMS_CODE_INVALID' || Object.keys(failure.fields).length > 0)

  return (
    <View className='sign-in-form'>
      <View className='sign-in-form__field'>
        <Text className='sign-in-form__label'>{text.phoneLabel}</Text>
        <View className='sign-in-form__box'>
          <Input
            className='sign-in-form__input'
            data-testid='phone-input'
            type={PHONE_INPUT_TYPE}
            {...PHONE_H5_ATTRIBUTES}
            maxlength={PHONE_INPUT_MAX_LENGTH}
            placeholder={text.phonePlaceholder}
            value={phone}
            onInput={(event) => setPhone(phoneDigits(event.detail.value))}
          />
          <ActionButton
            variant='text'
            testId='send-code'
            isDisabled={secondsLeft > 0}
            isBusy={sendCode.isPending}
            onTap={onSendCode}
          >
            {secondsLeft > 0 ? text.resendIn(secondsLeft) : text.sendCode}
          </ActionButton>
        </View>
        {fieldErrors.phone ? (
          <Text className='sign-in-form__error' data-testid='phone-error'>
            {fieldErrors.phone}
          </Text>
        ) : null}
      </View>
      <View className='sign-in-form__field'>
        <Text className='sign-in-form__label'>{text.codeLabel}</Text>
        <View className='sign-in-form__box'>
          <Input
            className='sign-in-form__input'
            data-testid='code-input'
            type='number'
            maxlength={6}
            placeholder={text.codePlaceholder}
            value={smsCode}
            onInput={(event) => setSmsCode(event.detail.value.trim())}
          />
        </View>
        {fieldErrors.smsCode ? (
          <Text className='sign-in-form__error' data-testid='code-error'>
            {fieldErrors.smsCode}
          </Text>
        ) : null}
      </View>
      {failure && !isFieldError ? (
        <View className='sign-in-form__error' role='alert' data-testid='sign-in-error'>
          {describeError(failure, locale)}
        </View>
      ) : null}
      <ActionButton isBlock testId='sign-in-submit' isBusy={signIn.isPending} onTap={onSubmit}>
        {text.submit}
      </ActionButton>
    </View>
  )
}
