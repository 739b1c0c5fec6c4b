import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { ActionButton } from '@/components/action-button'
import { EmptyState, Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import type { AppConfig } from '@/contract'
import type { ReferralCard as Card } from '@/contract/kol'
import { meQuery } from '@/features/account/api/account-queries'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { certificatesQuery } from '@/features/community/api/challenge-queries'
import { useAppConfig } from '@/lib/app-config'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { referralCardQuery } from '../api/kol-queries'
import { productsQuery } from '../api/product-queries'
import { kolMessages } from '../kol-messages'
import { cardMessages } from '../messages'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterSurface } from '../lib/poster'
import { firstCertificateFans, heroImageUrl, kolCertificate, posterContent } from '../lib/poster-content'
import { openPosterSurface } from '../lib/poster-surface'
import { openAlbumSettings, savePoster } from '../lib/save-poster'
import type { SaveOutcome } from '../lib/save-outcome'
import { cardQrUrl, shareUrl } from '../lib/share-url'
import { LongPressPreview } from './long-press-preview'
import { PosterCanvas } from './poster-canvas'
import { RightEndedNote, useRightStanding } from './right-ended-note'
import { ShareLinkButton } from './share-link-button'
import './referral-card.scss'

export const POSTER_CANVAS_ID = 'referral-poster'

type DrawState = 'drawing' | 'ready' | 'failed'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** The member's referral poster, with ways to save it and to share the link. */
export function ReferralCard() {
  const isSignedIn = useSession(selectIsSignedIn)
  const me = useQuery({ ...meQuery(), enabled: isSignedIn })
  if (!isSignedIn) return <SignInPrompt />
  return (
    <QueryState query={me} skeleton={<Skeleton rows={4} testId='card-skeleton' />}>
      {(member) => (member.isDistributor ? <DistributorCard /> : <NoCard />)}
    </QueryState>
  )
}

/**
 * No right, no card: said so with the way to the right (去开通, to 我的), not a page with nothing to tap. A former
 * distributor (the right taken back) is told it ended, with the way to the commission that stays theirs.
 */
function NoCard() {
  const text = useMessages(cardMessages)
  const kolText = useMessages(kolMessages)
  const standing = useRightStanding()
  if (standing === 'unknown') return <Skeleton rows={2} testId='card-skeleton' />
  if (standing === 'former') return <RightEndedNote link='commissions' />
  return (
    <View className='referral-card' data-testid='card-not-distributor'>
      <EmptyState title={text.notDistributor} hint={text.notDistributorHint} />
      <ActionButton isBlock testId='card-get-rights' onTap={() => void Taro.switchTab({ url: routes.me })}>
        {kolText.getRights}
      </ActionButton>
    </View>
  )
}

/** Only a distributor has a card (the server answers 403 NOT_DISTRIBUTOR to anyone else). */
function DistributorCard() {
  const cardQuery = useQuery(referralCardQuery())
  const config = useAppConfig()
  return (
    <QueryState query={cardQuery} skeleton={<Skeleton rows={4} testId='card-skeleton' />}>
      {(data) => (config ? <PosterPanel card={data} config={config} /> : <Skeleton rows={4} testId='card-skeleton' />)}
    </QueryState>
  )
}

type PosterPanelProps = { card: Card; config: AppConfig }

function PosterPanel({ card, config }: PosterPanelProps) {
  const text = useMessages(cardMessages)
  const kolText = useMessages(kolMessages)
  // The header's product picture and the KOL's certificate are extras: one try each, and the poster is drawn
  // without whichever fails rather than waiting out retries.
  const products = useInfiniteQuery({ ...productsQuery(), retry: false })
  const certificates = useQuery({ ...certificatesQuery(), enabled: card.kolLevel !== null, retry: false })
  const isAsking = products.isLoading || certificates.isLoading
  const heroUrl = heroImageUrl(products.data?.pages[0]?.items ?? [])
  const certificate = kolCertificate(card, certificates.data?.items ?? [])
  const firstFans = firstCertificateFans(config)
  const referralCode = card.referralCode
  const link = shareUrl(card.sharePath)
  const qrLink = cardQrUrl(card.sharePath)
  const title = text.shareTitle(card.nickname, config.brandName)
  const surfaceRef = useRef<PosterSurface | null>(null)
  const [drawState, setDrawState] = useState<DrawState>('drawing')
  const [attempt, setAttempt] = useState(0)
  const [isSaving, setIsSaving] = useState(false)
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null)

  useEffect(() => {
    let isCurrent = true
    setDrawState('drawing')
    if (isAsking) return
    const draw = async () => {
      const surface = await openPosterSurface(POSTER_CANVAS_ID, POSTER_WIDTH, POSTER_HEIGHT)
      // An image that does not load is null: the poster is drawn without it (letter avatar, plain header).
      const [avatar, hero, codeImage] = await Promise.all([
        card.avatarUrl ? surface.loadImage(card.avatarUrl) : null,
        heroUrl ? surface.loadImage(heroUrl) : null,
        // weapp: the mini-program code (scene r=CODE) opens the app itself; H5 draws the link's QR.
        // If the code's image cannot be had, the QR of the link still lets a friend in.
        isWeapp ? surface.loadImage(card.wxacodeUrl) : null,
      ])
      drawPoster(
        surface.ctx,
        posterContent({ card, config, text, shareLink: qrLink, avatar, hero, certificate, codeImage }),
      )
      return surface
    }
    // weapp: the canvas node exists once this render's setData has reached the view layer.
    const start = () =>
      draw().then(
        (surface) => {
          if (!isCurrent) return
          surfaceRef.current = surface
          setDrawState('ready')
        },
        () => {
          if (isCurrent) setDrawState('failed')
        },
      )
    if (isWeapp) Taro.nextTick(() => void start())
    else void start()
    return () => {
      isCurrent = false
    }
  }, [card, config, text, qrLink, attempt, isAsking, heroUrl, certificate])

  const save = async () => {
    const surface = surfaceRef.current
    if (!surface || isSaving) return
    setIsSaving(true)
    try {
      const result = await savePoster(surface, title)
      setOutcome(result)
      const toast = { saved: text.saved, shared: text.shared, downloaded: text.downloaded, failed: text.saveFailed }
      const message = result.kind in toast ? toast[result.kind as keyof typeof toast] : null
      if (message) void Taro.showToast({ title: message, icon: result.kind === 'failed' ? 'none' : 'success' })
    } finally {
      setIsSaving(false)
    }
  }

  const openSettings = () => {
    void openAlbumSettings().then((isAllowed) => {
      if (isAllowed) void save()
    })
  }

  return (
    <View className='referral-card' data-testid='referral-card'>
      <View className='referral-card__poster'>
        <PosterCanvas
          id={POSTER_CANVAS_ID}
          width={POSTER_WIDTH}
          height={POSTER_HEIGHT}
          label={text.posterAlt(card.nickname, referralCode)}
        />
        {drawState === 'drawing' ? (
          <Text className='referral-card__status' aria-live='polite'>
            {text.drawing}
          </Text>
        ) : null}
      </View>
      {drawState === 'failed' ? (
        <View className='referral-card__notice' role='alert' data-testid='draw-failed'>
          <Text>{text.drawFailed}</Text>
          <ActionButton variant='secondary' testId='redraw' onTap={() => setAttempt((value) => value + 1)}>
            {text.redraw}
          </ActionButton>
        </View>
      ) : null}
      {outcome?.kind === 'denied' ? (
        <View className='referral-card__notice' role='alert' data-testid='album-denied'>
          <Text>{text.albumDenied}</Text>
          <ActionButton variant='secondary' testId='open-settings' onTap={openSettings}>
            {text.openSettings}
          </ActionButton>
        </View>
      ) : null}
      <View className='referral-card__code'>
        <Text className='referral-card__code-label'>{text.codeLabel}</Text>
        <Text className='referral-card__code-value' data-testid='referral-code' userSelect>
          {referralCode}
        </Text>
      </View>
      {isWeapp ? null : (
        <View className='referral-card__link'>
          <Text className='referral-card__code-label'>{text.myLink}</Text>
          <Text className='referral-card__link-value' data-testid='share-url' userSelect>
            {link}
          </Text>
        </View>
      )}
      <View className='referral-card__actions'>
        <ActionButton
          testId='save-poster'
          isBusy={isSaving}
          isDisabled={drawState !== 'ready'}
          onTap={() => void save()}
        >
          {isWeapp ? text.saveWeapp : text.save}
        </ActionButton>
        <ShareLinkButton url={link} title={title} />
      </View>
      {card.kolLevel === null && firstFans !== null ? (
        <Text className='referral-card__fine-print' data-testid='first-certificate'>
          {kolText.firstCertificateAt(firstFans)}
        </Text>
      ) : null}
      <Text className='referral-card__fine-print'>{text.noReward}</Text>
      {outcome?.kind === 'long-press' ? (
        <LongPressPreview imageUrl={outcome.imageUrl} onClose={() => setOutcome(null)} />
      ) : null}
    </View>
  )
}
