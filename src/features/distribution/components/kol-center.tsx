import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { EntryGrid } from '@/components/entry-grid'
import { QueryState } from '@/components/query-state'
import { certificatesQuery } from '@/features/community/api/challenge-queries'
import { communityRoutes } from '@/features/community/lib/community-routes'
import { useAppConfig } from '@/lib/app-config'
import { formatFen } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { isApiError } from '@/lib/http'
import { overviewQuery } from '../api/kol-queries'
import { kolMessages } from '../kol-messages'
import { kolRoutes } from '../lib/kol-routes'
import { firstCertificateFans } from '../lib/poster-content'
import { PostStatsList } from './post-stats-list'
import { NotDistributorState, RightEndedNote, useIsFormerDistributor } from './right-ended-note'
import './kol.scss'

function Figure({ label, fen, testId }: { label: string; fen: number; testId: string }) {
  return (
    <View className='kol-figure'>
      <Text className='kol-figure__value' data-testid={testId}>
        {formatFen(fen)}
      </Text>
      <Text className='kol-figure__label'>{label}</Text>
    </View>
  )
}

function KolCertificates() {
  const text = useMessages(kolMessages)
  const certificates = useQuery(certificatesQuery())
  const config = useAppConfig()
  const mine = (certificates.data?.items ?? []).filter((item) => item.kind === 'kol_level')
  // The fans the first certificate takes are the program's (distribution.kolLevels), never a number written here.
  const firstAt = config ? firstCertificateFans(config) : null
  return (
    <View className='kol-section' data-testid='kol-certificates'>
      <Text className='kol-section__title'>{text.certificates}</Text>
      {certificates.data && mine.length === 0 ? (
        <Text className='kol-muted'>{firstAt === null ? text.noCertificates : text.firstCertificateAt(firstAt)}</Text>
      ) : null}
      {mine.map((certificate) => (
        <View
          key={certificate.code}
          className='kol-row'
          hoverClass='kol-row--pressed'
          role='link'
          tabIndex={0}
          data-testid={`kol-certificate-${certificate.code}`}
          onClick={() =>
            void Taro.navigateTo({ url: `${communityRoutes.certificate}?code=${encodeURIComponent(certificate.code)}` })
          }
        >
          <Text className='kol-row__name'>{certificate.title}</Text>
          <Text className='kol-muted'>{text.verifyCode(certificate.code)}</Text>
        </View>
      ))}
    </View>
  )
}

/** The tools that work the right: a former distributor (the right taken back) keeps only their money's entries. */
const RIGHT_TOOLS = new Set(['kol-card', 'kol-products', 'kol-fans'])

/**
 * Commission today and in total by state, fans, the KOL level with progress, certificates, and the entries. For a
 * former distributor: their commission and withdrawals with a line saying the right has ended, not its tools.
 */
export function KolCenter() {
  const text = useMessages(kolMessages)
  const overview = useQuery(overviewQuery())
  const isFormer = useIsFormerDistributor()
  if (overview.isError && isApiError(overview.error) && overview.error.kind === 'forbidden') {
    return <NotDistributorState />
  }
  return (
    <QueryState query={overview}>
      {(data) => {
        const { commission, kolLevel } = data
        const next = kolLevel.next
        const from = kolLevel.current?.minFans ?? 0
        const percent = next
          ? Math.min(100, Math.round(((data.fanCount - from) / Math.max(1, next.minFans - from)) * 100))
          : 100
        return (
          <View className='kol-center' data-testid='kol-center'>
            <RightEndedNote />
            <View className='kol-hero'>
              {isFormer ? null : (
                <Text className='kol-hero__code' data-testid='kol-referral-code'>
                  {text.referralCode(data.referralCode)}
                </Text>
              )}
              <View className='kol-hero__today'>
                <Text className='kol-hero__label'>{text.today}</Text>
                <Text className='kol-hero__value' data-testid='kol-today'>
                  {formatFen(commission.todayFen)}
                </Text>
              </View>
              <View className='kol-figures'>
                <Figure label={text.pending} fen={commission.pendingFen} testId='kol-pending' />
                <Figure label={text.settled} fen={commission.settledFen} testId='kol-settled' />
                <Figure label={text.reversed} fen={commission.reversedFen} testId='kol-reversed' />
              </View>
              <View className='kol-figures'>
                <Figure label={text.withdrawable} fen={commission.withdrawableFen} testId='kol-withdrawable' />
                <Figure label={text.withdrawing} fen={commission.withdrawingFen} testId='kol-withdrawing' />
                <Figure label={text.withdrawn} fen={commission.withdrawnFen} testId='kol-withdrawn' />
              </View>
              {/* Where the settled money is: 可提现 is what is left of 已结算 once requests and payouts are taken. */}
              <Text className='kol-hero__label' data-testid='kol-settled-breakdown'>
                {text.settledBreakdown(
                  formatFen(commission.settledFen),
                  formatFen(commission.withdrawableFen),
                  formatFen(commission.withdrawingFen),
                  formatFen(commission.withdrawnFen),
                )}
              </Text>
            </View>
            {isFormer ? null : (
              <View className='kol-section'>
                <View className='kol-row'>
                  <Text className='kol-row__name'>
                    {text.fans} <Text data-testid='kol-fan-count'>{data.fanCount}</Text>
                  </Text>
                  <Text className='kol-badge' data-testid='kol-level'>
                    {kolLevel.current ? `${kolLevel.current.code} ${kolLevel.current.name}` : text.noKolLevel}
                  </Text>
                </View>
                <View
                  className='kol-bar'
                  role='progressbar'
                  aria-label={text.kolLevel}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                >
                  <View className='kol-bar__fill' style={{ width: `${percent}%` }} />
                </View>
                <Text className='kol-muted' data-testid='kol-level-progress'>
                  {next ? text.toNext(kolLevel.fansToNext, next.name) : text.topLevel}
                </Text>
              </View>
            )}
            <EntryGrid
              entries={[
                { key: 'kol-card', label: text.entries.card ?? '', url: kolRoutes.card, glyph: '名' },
                { key: 'kol-products', label: text.entries.products ?? '', url: kolRoutes.products, glyph: '赚' },
                { key: 'kol-fans', label: text.entries.fans ?? '', url: kolRoutes.fans, glyph: '粉' },
                {
                  key: 'kol-commissions',
                  label: text.entries.commissions ?? '',
                  url: kolRoutes.commissions,
                  glyph: '佣',
                },
                {
                  key: 'kol-withdrawals',
                  label: text.entries.withdrawals ?? '',
                  url: kolRoutes.withdrawals,
                  glyph: '提',
                },
                { key: 'kol-orders', label: text.entries.orders ?? '', url: kolRoutes.orders, glyph: '单' },
              ].filter((entry) => !(isFormer && RIGHT_TOOLS.has(entry.key)))}
            />
            <KolCertificates />
            {isFormer ? null : <PostStatsList />}
          </View>
        )
      }}
    </QueryState>
  )
}
