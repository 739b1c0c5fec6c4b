import type { AppConfig } from '@/contract'
import type { Certificate } from '@/contract/certificate'
import type { Product } from '@/contract/distribution'
import type { ReferralCard } from '@/contract/kol'
import type { cardMessages } from '../messages'
import type { PosterContent, PosterImage } from './poster'
import { encodeQr } from './qr'

type CardText = (typeof cardMessages)['zh-CN']

/**
 * The header's picture: the first product's first image (the config has no brand image), or null without one.
 * What the poster advertises is what the KOL earns on, so a product is the natural choice.
 */
export function heroImageUrl(products: readonly Product[]): string | null {
  return products.find((product) => product.images.length > 0)?.images[0] ?? null
}

/**
 * The valid certificate of the card's KOL level, or null. A certificate names its level only in its title (the
 * server writes "新星达人（K1）达人认证"), so the level's name, unique in the config, picks it out.
 */
export function kolCertificate(card: ReferralCard, certificates: readonly Certificate[]): Certificate | null {
  const level = card.kolLevel
  if (!level) return null
  return (
    certificates.find(
      (certificate) => certificate.kind === 'kol_level' && certificate.valid && certificate.title.includes(level.name),
    ) ?? null
  )
}

/** Fans for the first KOL level (and so the first certificate): the lowest minFans in the config, or null if none. */
export function firstCertificateFans(config: AppConfig): number | null {
  const fans = config.distribution.kolLevels.map((level) => level.minFans)
  return fans.length > 0 ? Math.min(...fans) : null
}

/** What the poster shows for this distributor, from the config (brand, colours, level names) and their card. */
export function posterContent(input: {
  card: ReferralCard
  config: AppConfig
  text: CardText
  shareLink: string
  avatar: PosterImage | null
  /** The header's picture (see heroImageUrl), or null when there is none or it did not load. */
  hero: PosterImage | null
  /** The certificate of the KOL's current level (see kolCertificate), or null. */
  certificate: Certificate | null
  /** The mini-program code image (weapp, when the server answers it); the QR of the link otherwise. */
  codeImage: PosterImage | null
}): PosterContent {
  const { card, config, text, certificate } = input
  const theme = config.theme
  const levelName = config.levels.find((level) => level.code === card.levelCode)?.name
  return {
    brandName: config.brandName,
    slogan: config.slogan,
    colors: {
      primary: theme.primaryColor,
      onPrimary: theme.primaryTextColor,
      accent: theme.accentColor,
      surface: theme.surfaceColor,
      text: theme.textColor,
      muted: theme.mutedTextColor,
    },
    nickname: card.nickname,
    levelLabel: levelName ? `${card.levelCode} ${levelName}` : card.levelCode,
    kolLabel: card.kolLevel ? text.kolLabel(card.kolLevel.name) : null,
    referralCode: card.referralCode,
    inviteLine: text.inviteLine(config.brandName),
    scanHint: input.codeImage ? text.scanHintWeapp : text.scanHint,
    codeLabel: text.codeLabel,
    avatar: input.avatar,
    hero: input.hero,
    certificateLine: card.kolLevel && certificate ? text.certificateLine(card.kolLevel.name, certificate.code) : null,
    code: input.codeImage
      ? { kind: 'image', image: input.codeImage }
      : { kind: 'qr', matrix: encodeQr(input.shareLink) },
  }
}
