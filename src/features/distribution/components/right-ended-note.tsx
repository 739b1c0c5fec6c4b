import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { EmptyState } from '@/components/page-state'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { distributionStatusQuery } from '../api/rights-queries'
import { kolMessages } from '../kol-messages'
import { kolRoutes } from '../lib/kol-routes'
import './kol.scss'

/**
 * Where the member stands with the right: a distributor; a former one (the right taken back, e.g. its plan refunded,
 * the commission earned stays theirs); none (never had it, nothing earned); unknown until the status is read.
 */
export type RightStanding = 'distributor' | 'former' | 'none' | 'unknown'

export const useRightStanding = (): RightStanding => {
  const status = useQuery(distributionStatusQuery()).data
  if (!status) return 'unknown'
  return status.isDistributor ? 'distributor' : status.hasEarnings ? 'former' : 'none'
}

export const useIsFormerDistributor = (): boolean => useRightStanding() === 'former'

/** A member without the right: said so, with the way to get it (我的 has the rights card). */
export function NotDistributorState() {
  const text = useMessages(kolMessages)
  return (
    <View className='kol-section' data-testid='kol-not-distributor'>
      <EmptyState title={text.notDistributor} />
      <ActionButton isBlock onTap={() => void Taro.switchTab({ url: routes.me })}>
        {text.getRights}
      </ActionButton>
    </View>
  )
}

/**
 * A page of the right's (`right`: fans and arrivals) or of its money (`earnings`: commission, withdrawals). Someone the
 * server would refuse (403) is told why and where to go instead of an error with a 重试 that can never work: no right
 * and nothing earned, the way to get it; a former distributor on a page of the right, that it ended and their money.
 */
export function RightGate({ needs, children }: { needs: 'right' | 'earnings'; children: ReactNode }) {
  const standing = useRightStanding()
  if (standing === 'none') return <NotDistributorState />
  if (standing === 'former' && needs === 'right') return <RightEndedNote link='commissions' />
  return <>{children}</>
}

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
