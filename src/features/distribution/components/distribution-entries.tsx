import { useQuery } from '@tanstack/react-query'
import { EntryGrid } from '@/components/entry-grid'
import { meQuery } from '@/features/account/api/account-queries'
import { defineMessages, useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'

// Its own string: the 我的 tab loads this, not the card page's messages (../messages).
const distributionEntryMessages = defineMessages({
  'zh-CN': { card: '邀请卡' },
  en: { card: 'Invite card' },
})

/** The distributor's pages one tap away: only a distributor has a card to show. */
export function DistributionEntries() {
  const text = useMessages(distributionEntryMessages)
  const isDistributor = useQuery(meQuery()).data?.isDistributor
  if (!isDistributor) return null
  return <EntryGrid entries={[{ key: 'referral-card', label: text.card, url: routes.referralCard, glyph: '邀' }]} />
}
