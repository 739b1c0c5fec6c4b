import type { AppConfig } from '@/contract'
import type { ReferralCard } from '@/contract/kol'
import type { cardMessages } from '../messages'
import type { PosterContent, PosterImage } from './poster'
import { encodeQr } from './qr'

type CardText = (typeof cardMessages)['zh-CN']

/** What the poster shows for this distributor, from the config (brand, colours, level names) and their card. */
export function posterContent(input: {
  card: ReferralCard
  config: AppConfig
  text: CardText
  shareLink: string
  avatar: PosterImage | null
  /** The mini-program code image (weapp, when the server answers it); the QR of the link otherwise. */
  codeImage: PosterImage | null
}): PosterContent {
  const { card, config, text } = input
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
    hero: null,
    code: input.codeImage ? { kind: 'image', image: input.codeImage } : { kind: 'qr', matrix: encodeQr(input.shareLink) },
  }
}
