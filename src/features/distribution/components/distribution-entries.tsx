import { useQuery } from '@tanstack/react-query'
import { EntryGrid } from '@/components/entry-grid'
import { defineMessages, useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { distributionStatusQuery } from '../api/rights-queries'
import { kolRoutes } from '../lib/kol-routes'
import { isSignedInNow } from '../lib/signed-in-now'

// Its own strings: the 我的 tab loads this, not the card page's messages (../messages).
const distributionEntryMessages = defineMessages({
  'zh-CN': { card: '邀请卡', money: '我的佣金' },
  en: { card: 'Invite card', money: 'My commission' },
})

/**
 * The distributor's pages one tap away: a distributor's card; for a former distributor (the right taken back) their
 * commission and withdrawals, which stay theirs. From the rights status 我的 fetches anyway.
 */
export function DistributionEntries() {
  const text = useMessages(distributionEntryMessages)
  const status = useQuery(distributionStatusQuery(isSignedInNow)).data
  if (!status || !(status.isDistributor || status.hasEarnings)) return null
  return (
    <EntryGrid
      entries={[
        status.isDistributor
          ? { key: 'referral-card', label: text.card, url: routes.referralCard, glyph: '邀' }
          : { key: 'commissions', label: text.money, url: kolRoutes.commissions, glyph: '佣' },
      ]}
    />
  )
}
