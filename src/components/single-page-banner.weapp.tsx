import { Text, View } from '@tarojs/components'
import { defineMessages, useMessages } from '@/lib/i18n'
import { isSinglePageMode } from '@/lib/single-page'
import './single-page-banner.scss'

const bannerMessages = defineMessages({
  'zh-CN': { text: '你正在朋友圈中预览。点击屏幕下方「前往小程序」，登录后即可签到、兑换和使用全部功能。' },
  en: { text: 'This is a preview from Moments. Tap "前往小程序" at the bottom to sign in and use the full app.' },
})

/**
 * Opened from Moments (single-page mode) the page shows its content but nobody can sign in or
 * navigate: say plainly how to get into the full app, where WeChat's own bar is.
 */
export function SinglePageBanner() {
  const text = useMessages(bannerMessages)
  if (!isSinglePageMode()) return null
  return (
    <View className='single-page-banner' role='note' data-testid='single-page-banner'>
      <Text>{text.text}</Text>
    </View>
  )
}
