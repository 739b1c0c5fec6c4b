import { memo } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { MemberSummary } from '@/features/account/components/member-summary'
import { PostFeed } from '@/features/community/components/post-feed'
import { communityMessages } from '@/features/community/messages'
import { GiftList } from '@/features/mall/components/gift-list'
import { useReferralShare } from '@/features/distribution/lib/use-referral-share'
import { CheckinCard } from '@/features/membership/components/checkin-card'
import { LevelUpCelebration } from '@/features/membership/components/level-up-celebration'
import { mallMessages } from '@/features/mall/messages'
import type { AppConfig } from '@/contract'
import { useAppConfig } from '@/lib/app-config'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import './index.scss'

export default function HomePage() {
  const config = useAppConfig()
  useReferralShare({ path: routes.home, title: config?.brandName })
  return (
    <PageShell title={config?.brandName} testId='home-page'>
      <View className='home__brand'>
        <Text className='home__brand-name' data-testid='brand-name'>
          {config?.brandName ?? ' '}
        </Text>
        <Text className='home__slogan'>{config?.slogan ?? ' '}</Text>
      </View>
      <HomeSections on={config?.features} />
    </PageShell>
  )
}

/**
 * Everything under the brand line. It reads only the config's switches (a part switched off is not offered), so memo
 * keeps the config's arrival (which names the brand just after the first paint) from rendering every section again.
 */
const HomeSections = memo(function HomeSections({ on = {} }: { on?: Partial<AppConfig['features']> }) {
  const mall = useMessages(mallMessages)
  const community = useMessages(communityMessages)
  return (
    <>
      <MemberSummary />
      <CheckinCard />
      {on.mall !== false && (
        <>
          <View className='section-title'>
            <Text>{mall.hotGifts}</Text>
            <Text
              className='home__see-all'
              role='link'
              tabIndex={0}
              onClick={() => void Taro.switchTab({ url: routes.mall })}
            >
              {mall.seeAll}
            </Text>
          </View>
          <GiftList limitTo={4} />
        </>
      )}
      {on.community !== false && (
        <>
          <View className='section-title'>
            <Text>{community.featured}</Text>
          </View>
          <PostFeed section='hot' limitTo={3} />
        </>
      )}
      <LevelUpCelebration />
    </>
  )
})
