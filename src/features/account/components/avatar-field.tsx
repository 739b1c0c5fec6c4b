import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { UPLOAD_MAX_BYTES } from '@/contract/community'
import type { Member } from '@/contract'
import { LabeledImage } from '@/components/labeled-image'
import { avatarInitial } from '@/lib/format'
import { isApiError } from '@/lib/http'
import { describeError, useLocale, useMessages, type Locale } from '@/lib/i18n'
import { useUpdateAvatar } from '../api/profile-queries'
import { releaseAvatar, type PickedAvatar } from '../lib/pick-avatar'
import { profileMessages } from '../profile-messages'
import { AvatarChooseButton } from './avatar-choose-button'

type ProfileText = (typeof profileMessages)['zh-CN']

/** Why the avatar did not change, in words that say what to do about it. */
function avatarProblem(error: unknown, text: ProfileText, locale: Locale): string {
  if (isApiError(error)) {
    if (error.code === 'PAYLOAD_TOO_LARGE') return text.avatarProblems.tooLarge
    if (error.fields.file !== undefined) return text.avatarProblems.notImage
    if (error.fields.avatarUrl !== undefined) return text.avatarProblems.refused
    if (error.kind === 'network') return text.avatarProblems.network
    if (error.kind === 'timeout') return text.avatarProblems.timeout
  }
  return describeError(error, locale)
}

/**
 * The avatar as others see it (or the nickname's first character while there is none), and a way to change it: the
 * picture is uploaded, then named in PATCH /me; the new one shows as soon as the server has it, and a failure says
 * why and keeps the old one.
 */
export function AvatarField({ member }: { member: Member }) {
  const text = useMessages(profileMessages)
  const locale = useLocale((state) => state.locale)
  const save = useUpdateAvatar()
  const [problem, setProblem] = useState<string | null>(null)

  const onChosen = ({ path, size }: PickedAvatar) => {
    // Known too big before a byte is sent (H5 says the size; WeChat's picker does not, the server judges it there).
    if (size !== null && size > UPLOAD_MAX_BYTES) {
      releaseAvatar(path)
      return setProblem(text.avatarProblems.tooLarge)
    }
    setProblem(null)
    save.mutate(path, {
      onSuccess: () => {
        void Taro.showToast({ title: text.avatarSaved, icon: 'success' })
      },
      onError: (error) => setProblem(avatarProblem(error, text, locale)),
      onSettled: () => releaseAvatar(path),
    })
  }

  return (
    <View className='profile-editor__field'>
      <Text className='profile-editor__label'>{text.avatarLabel}</Text>
      <View className='profile-editor__avatar-row'>
        {member.avatarUrl ? (
          <LabeledImage
            className='profile-editor__avatar'
            src={member.avatarUrl}
            mode='aspectFill'
            label={text.avatarOf(member.nickname)}
            data-testid='profile-avatar'
          />
        ) : (
          <View
            className='profile-editor__avatar profile-editor__avatar--initial'
            data-testid='profile-avatar-initial'
            aria-hidden
          >
            <Text>{avatarInitial(member.nickname)}</Text>
          </View>
        )}
        <View className='profile-editor__avatar-action'>
          <AvatarChooseButton label={text.changeAvatar} isBusy={save.isPending} onChosen={onChosen} />
          {save.isPending ? (
            <Text className='profile-editor__hint' role='status' data-testid='avatar-uploading'>
              {text.avatarUploading}
            </Text>
          ) : null}
        </View>
      </View>
      {problem ? (
        <Text className='profile-editor__error' role='alert' data-testid='avatar-error'>
          {problem}
        </Text>
      ) : null}
    </View>
  )
}
