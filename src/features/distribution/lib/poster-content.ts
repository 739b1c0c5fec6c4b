import type { AppConfig, Member } from '@/contract'
import type { cardMessages } from '../messages'
import type { PosterContent, PosterImage } from './poster'
import { encodeQr } from './qr'

type CardText = (typeof cardMessages)['zh-CN']

/** What the poster shows for this member, from the config (brand, colours, level names) and their profile. */
export function posterContent(input: {
  member: Member
  referralCode: string
  config: AppConfig
  text: CardText
  shareLink: string
  kolLevelName: string | null
  avatar: PosterImage | null
  /** The mini-program code image (weapp, when the server answers it); the QR of the link otherwise. */
  codeImage: PosterImage | null
}): PosterContent {
  const { member, config, text } = input
  const theme = config.theme
  const levelName = config.levels.find((level) => level.code === member.levelCode)?.name
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
    nickname: member.nickname,
    levelLabel: levelName ? `${member.levelCode} ${levelName}` : member.levelCode,
    kolLabel: input.kolLevelName ? text.kolLabel(input.kolLevelName) : null,
    referralCode: input.referralCode,
    inviteLine: text.inviteLine(config.brandName),
    scanHint: input.codeImage ? text.scanHintWeapp : text.scanHint,
    codeLabel: text.codeLabel,
    avatar: input.avatar,
    hero: null,
    code: input.codeImage ? { kind: 'image', image: input.codeImage } : { kind: 'qr', matrix: encodeQr(input.shareLink) },
  }
}
