import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { useMessages } from '@/lib/i18n'
import { distributionStatusQuery } from '../api/rights-queries'
import { kolMessages } from '../kol-messages'
import { kolRoutes } from '../lib/kol-routes'
import './kol.scss'

/** A former distributor: the right was taken back (e.g. its plan refunded), the commission earned stays theirs. */
export const useIsFormerDistributor = (): boolean => useQuery(distributionStatusQuery()).data?.isDistributor === false

/**
 * On the commission and withdrawal pages (and the KOL center) of a former distributor: the right has ended, nothing
 * new accrues, what was earned can still be seen and withdrawn; `link` leads to the other of the two pages.
 */
export function RightEndedNote({ link }: { link?: 'commissions' | 'withdrawals' }) {
  const text = useMessages(kolMessages)
  if (!useIsFormerDistributor()) return null
  return (
    <View className='kol-section' data-testid='kol-right-ended'>
      <Text className='kol-muted'>{text.rightEnded}</Text>
      {link ? (
        <View
          className='kol-row'
          hoverClass='kol-row--pressed'
          role='link'
          tabIndex={0}
          data-testid={`kol-right-ended-${link}`}
          onClick={() => void Taro.navigateTo({ url: kolRoutes[link] })}
        >
          <Text className='kol-row__name'>{text.entries[link]}</Text>
          <Text className='kol-muted'>›</Text>
        </View>
      ) : null}
    </View>
  )
}
