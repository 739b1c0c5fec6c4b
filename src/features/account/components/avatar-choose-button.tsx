import { ActionButton } from '@/components/action-button'
import { pickAvatar, type PickedAvatar } from '../lib/pick-avatar'

export type AvatarChooseButtonProps = {
  label: string
  isBusy: boolean
  /** A picture was chosen: its local path (blob: URL here) and, where the platform says, its size in bytes. */
  onChosen: (avatar: PickedAvatar) => void
}

/** H5: a file from the phone's photos or camera (avatar-choose-button.weapp.tsx uses WeChat's avatar picker). */
export function AvatarChooseButton({ label, isBusy, onChosen }: AvatarChooseButtonProps) {
  return (
    <ActionButton
      variant='secondary'
      testId='change-avatar'
      isBusy={isBusy}
      onTap={() => {
        void pickAvatar().then((picked) => {
          if (picked) onChosen(picked)
        })
      }}
    >
      {label}
    </ActionButton>
  )
}
