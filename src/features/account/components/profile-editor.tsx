import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Input, Text, View } from '@tarojs/components'
import type { Member } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { isApiError } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { meQuery } from '../api/account-queries'
import { useUpdateNickname } from '../api/profile-queries'
import { checkNickname, NICKNAME_MAX_LENGTH, problemOfServerField } from '../lib/nickname'
import { profileMessages } from '../profile-messages'
import { AvatarField } from './avatar-field'
import './profile-editor.scss'

/**
 * The member's avatar and nickname, edited with the contract's limits. Whether they complete the profile task is the
 * server's call (today the nickname and the birthday do; the avatar does not).
 */
export function ProfileEditor() {
  const me = useQuery(meQuery())
  return (
    <QueryState query={me} skeleton={<Skeleton rows={1} testId='profile-skeleton' />}>
      {(member) => (
        <View className='profile-editor' data-testid='profile-editor'>
          <AvatarField member={member} />
          <NicknameForm member={member} />
        </View>
      )}
    </QueryState>
  )
}

function NicknameForm({ member }: { member: Member }) {
  const text = useMessages(profileMessages)
  const locale = useLocale((state) => state.locale)
  const [nickname, setNickname] = useState(member.nickname)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const save = useUpdateNickname()
  const length = nickname.trim().length
  // The same name again changes nothing on the server (nor counts for the task): nothing to send.
  const isUnchanged = nickname.trim() === member.nickname

  const onSubmit = () => {
    const checked = checkNickname(nickname)
    if (!checked.isValid) return setFieldError(text.problems[checked.problem])
    setFieldError(null)
    save.mutate(checked.nickname, {
      onSuccess: (saved) => {
        setNickname(saved.nickname)
        void Taro.showToast({ title: text.saved, icon: 'success' })
      },
      onError: (error) => {
        const refusal = isApiError(error) ? error.fields.nickname : undefined
        if (refusal !== undefined) setFieldError(text.problems[problemOfServerField(refusal)])
      },
    })
  }

  const failure = save.error
  const isFieldFailure = isApiError(failure) && failure.fields.nickname !== undefined

  return (
    <>
      <View className='profile-editor__field'>
        <Text className='profile-editor__label'>{text.nicknameLabel}</Text>
        <View className='profile-editor__box'>
          <Input
            className='profile-editor__input'
            data-testid='nickname-input'
            aria-label={text.nicknameLabel}
            placeholder={text.nicknamePlaceholder}
            value={nickname}
            // WeChat's nickname keyboard offers the WeChat nickname (头像昵称填写); H5 keeps a plain text field.
            type={process.env.TARO_ENV === 'weapp' ? 'nickname' : 'text'}
            onInput={(event) => {
              setNickname(event.detail.value)
              setFieldError(null)
            }}
            // The WeChat nickname picked above the keyboard may arrive without an input event: the blur has it.
            onBlur={(event) => {
              if (event.detail.value !== nickname) setNickname(event.detail.value)
            }}
          />
          <Text
            className={`profile-editor__count ${length > NICKNAME_MAX_LENGTH ? 'profile-editor__count--over' : ''}`}
            data-testid='nickname-count'
          >
            {text.nicknameCount(length, NICKNAME_MAX_LENGTH)}
          </Text>
        </View>
        {fieldError ? (
          <Text className='profile-editor__error' role='alert' data-testid='nickname-error'>
            {fieldError}
          </Text>
        ) : null}
      </View>
      {failure && !isFieldFailure ? (
        <View className='profile-editor__error' role='alert' data-testid='profile-error'>
          {describeError(failure, locale)}
        </View>
      ) : null}
      <ActionButton isBlock testId='save-nickname' isDisabled={isUnchanged} isBusy={save.isPending} onTap={onSubmit}>
        {text.save}
      </ActionButton>
    </>
  )
}
