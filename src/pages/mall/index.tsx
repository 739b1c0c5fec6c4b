import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { meQuery } from '@/features/account/api/account-queries'
import type { GiftFilter } from '@/features/mall/api/gift-queries'
import { GiftFilters } from '@/features/mall/components/gift-filters'
import { GiftList } from '@/features/mall/components/gift-list'
import { mallMessages } from '@/features/mall/messages'
import { formatPoints } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { goToSignIn } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import './index.scss'

export default function MallPage() {
  const text = useMessages(mallMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const me = useQuery({ ...meQuery(), enabled: isSignedIn })
  const [filter, setFilter] = useState<GiftFilter>({})
  // "I can afford" is a comparison with the balance: only for a signed-in member.
  const effectiveFilter = isSignedIn ? filter : { ...filter, isAffordableOnly: false }
  return (
    <PageShell title={text.title} testId='mall-page'>
      <View className='mall__balance' data-testid='mall-balance'>
        {isSignedIn ? (
          <>
            <Text className='mall__balance-label'>{text.myPoints}</Text>
            <Text className='mall__balance-value'>{me.data ? formatPoints(me.data.pointsBalance) : '—'}</Text>
          </>
        ) : (
          // The key makes React replace this Text on sign-in instead of updating it into the
          // handler-less label above: on weapp, Taro 4.2.1 throws when a Text loses its last event
          // listener (NervJS/taro#19453), which kills the whole commit and leaves the kept-alive tab
          // dead (no gifts, category chips that send nothing). test/weapp/mall-tab-after-sign-in.
          <Text key='sign-in-prompt' className='mall__balance-label' role='link' tabIndex={0} onClick={() => goToSignIn()}>
            {text.signInForBalance}
          </Text>
        )}
      </View>
      <GiftFilters filter={effectiveFilter} canFilterAffordable={isSignedIn} onFilterChanged={setFilter} />
      <GiftList filter={effectiveFilter} />
    </PageShell>
  )
}
