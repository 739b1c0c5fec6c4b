import { Button } from '@tarojs/components'
import type { AvatarChooseButtonProps } from './avatar-choose-button'

/**
 * The mini-program: WeChat's own avatar picker (头像昵称填写, open-type="chooseAvatar"), which offers the WeChat
 * avatar, the album and the camera, and hands back a temp file; WeChat has no size for it, the server judges that.
 */
export function AvatarChooseButton({ label, isBusy, onChosen }: AvatarChooseButtonProps) {
  return (
    <Button
      className='avatar-choose-button'
      openType='chooseAvatar'
      disabled={isBusy}
      loading={isBusy}
      data-testid='change-avatar'
      onChooseAvatar={(event) => {
        const path = (event.detail as { avatarUrl?: string }).avatarUrl
        if (path && !isBusy) onChosen({ path, size: null })
      }}
    >
      {label}
    </Button>
  )
}
