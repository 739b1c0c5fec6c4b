import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { useMessages } from '@/lib/i18n'
import { cardMessages } from '../messages'

/**
 * H5 inside WeChat: downloads are blocked, but a long-press on an <img> offers "save image".
 * A plain <img> so the browser (and WeChat) sees a real image with its alt text.
 */
export function LongPressPreview({ imageUrl, onClose }: { imageUrl: string; onClose: () => void }) {
  const text = useMessages(cardMessages)
  return (
    <View
      className='referral-card__preview'
      role='dialog'
      aria-modal='true'
      aria-label={text.longPressHint}
      data-testid='long-press-preview'
    >
      <img className='referral-card__preview-image' src={imageUrl} alt={text.previewAlt} />
      <Text className='referral-card__preview-hint'>{text.longPressHint}</Text>
      <ActionButton variant='secondary' testId='close-preview' onTap={onClose}>
        {text.closePreview}
      </ActionButton>
    </View>
  )
}
