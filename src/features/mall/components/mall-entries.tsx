import { EntryGrid } from '@/components/entry-grid'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { mallMessages } from '../messages'

/** The member's redemptions and addresses one tap away; the redemptions only while the points mall is open. */
export function MallEntries({ hasMall }: { hasMall: boolean }) {
  const text = useMessages(mallMessages)
  return (
    <EntryGrid
      entries={[
        // First, so that the slice below leaves it out with the mall (a filter by key costs the main package 40 B).
        { key: 'redemptions', label: text.myRedemptions, url: routes.redemptions, glyph: '礼' },
        { key: 'addresses', label: text.myAddresses, url: routes.addresses, glyph: '址' },
        // The coupon wallet (membership subpackage): level and plan coupons, spent on the brand's products.
        { key: 'coupons', label: text.myCoupons, url: '/packages/membership/coupons/index', glyph: '券' },
      ].slice(hasMall ? 0 : 1)}
    />
  )
}
