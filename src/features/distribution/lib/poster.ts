import { drawQr, type QrMatrix } from './qr'

/** The poster's size in CSS pixels; the canvas holds it at the device pixel ratio. */
export const POSTER_WIDTH = 320
export const POSTER_HEIGHT = 500

/** An image the canvas can draw: an HTMLImageElement on H5, `canvas.createImage()` on weapp. */
export type PosterImage = CanvasImageSource

export type PosterColors = {
  primary: string
  onPrimary: string
  accent: string
  surface: string
  text: string
  muted: string
}

export type PosterContent = {
  brandName: string
  slogan: string
  colors: PosterColors
  nickname: string
  /** The member level, e.g. "V4 核心会员". */
  levelLabel: string
  /** The KOL level, e.g. "KOL 达人", when the member has one. */
  kolLabel: string | null
  referralCode: string
  inviteLine: string
  scanHint: string
  codeLabel: string
  avatar: PosterImage | null
  /** A brand or product picture for the header; without one the header is drawn from the brand colours. */
  hero: PosterImage | null
  /** The KOL certificate of the current level with its verification code, when the member holds one. */
  certificateLine: string | null
  /** Either the QR of the share link, or the mini-program code image the server answered. */
  code: { kind: 'qr'; matrix: QrMatrix } | { kind: 'image'; image: PosterImage }
}

/** The calls the poster makes: what both H5's and weapp's Canvas 2D contexts have. */
export type PosterContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'globalAlpha'
  | 'fillRect'
  | 'fillText'
  | 'measureText'
  | 'beginPath'
  | 'arc'
  | 'rect'
  | 'fill'
  | 'save'
  | 'restore'
  | 'clip'
  | 'drawImage'
>

const FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'
const PADDING = 24
const HEADER_HEIGHT = 170
const QR_BOX = 136

/** Cuts text to fit `maxWidth`, with an ellipsis, so a long nickname never runs off the poster. */
export function fitText(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text
  const chars = Array.from(text)
  while (chars.length > 0 && ctx.measureText(`${chars.join('')}…`).width > maxWidth) chars.pop()
  return `${chars.join('')}…`
}

function circle(ctx: PosterContext, x: number, y: number, radius: number) {
  ctx.beginPath()
  ctx.arc(x, y, radius, 0, Math.PI * 2)
}

/**
 * Draws the image over the whole box without stretching it: the middle of a square product picture is cut to the
 * header's shape. An image without a known size (width and height 0) is fitted to the box as it is.
 */
function drawCover(ctx: PosterContext, image: PosterImage, width: number, height: number) {
  const size = image as { width?: unknown; height?: unknown }
  const sourceWidth = typeof size.width === 'number' ? size.width : 0
  const sourceHeight = typeof size.height === 'number' ? size.height : 0
  if (sourceWidth <= 0 || sourceHeight <= 0) {
    ctx.drawImage(image, 0, 0, width, height)
    return
  }
  const scale = Math.max(width / sourceWidth, height / sourceHeight)
  const cropWidth = width / scale
  const cropHeight = height / scale
  ctx.drawImage(
    image,
    (sourceWidth - cropWidth) / 2,
    (sourceHeight - cropHeight) / 2,
    cropWidth,
    cropHeight,
    0,
    0,
    width,
    height,
  )
}

function drawHeader(ctx: PosterContext, content: PosterContent) {
  const { colors } = content
  ctx.fillStyle = colors.primary
  ctx.fillRect(0, 0, POSTER_WIDTH, HEADER_HEIGHT)
  if (content.hero) {
    // The picture fills the header; a band of brand colour under the name keeps the text readable.
    drawCover(ctx, content.hero, POSTER_WIDTH, HEADER_HEIGHT)
    ctx.globalAlpha = 0.85
    ctx.fillStyle = colors.primary
    ctx.fillRect(0, 36, POSTER_WIDTH, 74)
    ctx.globalAlpha = 1
  } else {
    // Two soft circles of the accent colour, kept inside the header.
    ctx.save()
    ctx.beginPath()
    ctx.rect(0, 0, POSTER_WIDTH, HEADER_HEIGHT)
    ctx.clip()
    ctx.globalAlpha = 0.35
    ctx.fillStyle = colors.accent
    circle(ctx, POSTER_WIDTH - 40, 30, 70)
    ctx.fill()
    circle(ctx, POSTER_WIDTH - 110, HEADER_HEIGHT, 44)
    ctx.fill()
    ctx.restore()
  }
  ctx.fillStyle = colors.onPrimary
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.font = `bold 26px ${FONT_FAMILY}`
  ctx.fillText(fitText(ctx, content.brandName, POSTER_WIDTH - PADDING * 2), PADDING, 70)
  ctx.font = `14px ${FONT_FAMILY}`
  ctx.fillText(fitText(ctx, content.slogan, POSTER_WIDTH - PADDING * 2), PADDING, 98)
}

function drawProfile(ctx: PosterContext, content: PosterContent) {
  const { colors } = content
  const centreX = PADDING + 28
  const centreY = HEADER_HEIGHT + 52
  ctx.save()
  circle(ctx, centreX, centreY, 28)
  ctx.clip()
  if (content.avatar) {
    ctx.drawImage(content.avatar, centreX - 28, centreY - 28, 56, 56)
  } else {
    // No picture (or it failed to load): the first letter of the nickname on the brand colour.
    ctx.fillStyle = colors.primary
    ctx.fillRect(centreX - 28, centreY - 28, 56, 56)
    ctx.fillStyle = colors.onPrimary
    ctx.font = `bold 24px ${FONT_FAMILY}`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.fillText(Array.from(content.nickname)[0] ?? '·', centreX, centreY)
  }
  ctx.restore()

  const textX = centreX + 28 + 14
  const textWidth = POSTER_WIDTH - textX - PADDING
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = colors.text
  ctx.font = `bold 18px ${FONT_FAMILY}`
  ctx.fillText(fitText(ctx, content.nickname, textWidth), textX, centreY - 6)
  // Small text in the text colour: the theme's muted grey is below WCAG AA's 4.5:1 on white.
  ctx.fillStyle = colors.text
  ctx.font = `13px ${FONT_FAMILY}`
  const levels = content.kolLabel ? `${content.levelLabel} · ${content.kolLabel}` : content.levelLabel
  ctx.fillText(fitText(ctx, levels, textWidth), textX, centreY + 18)

  ctx.fillStyle = colors.text
  ctx.font = `15px ${FONT_FAMILY}`
  ctx.fillText(fitText(ctx, content.inviteLine, POSTER_WIDTH - PADDING * 2), PADDING, HEADER_HEIGHT + 118)
  ctx.fillStyle = colors.muted
  ctx.fillRect(PADDING, HEADER_HEIGHT + 136, POSTER_WIDTH - PADDING * 2, 1)
}

function drawCode(ctx: PosterContext, content: PosterContent) {
  const { colors } = content
  const top = HEADER_HEIGHT + 152
  if (content.code.kind === 'qr') {
    drawQr(ctx, content.code.matrix, PADDING - 8, top, QR_BOX)
  } else {
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(PADDING - 8, top, QR_BOX, QR_BOX)
    ctx.drawImage(content.code.image, PADDING, top + 8, QR_BOX - 16, QR_BOX - 16)
  }
  const textX = PADDING - 8 + QR_BOX + 16
  const textWidth = POSTER_WIDTH - textX - PADDING
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = colors.text
  ctx.font = `14px ${FONT_FAMILY}`
  ctx.fillText(fitText(ctx, content.scanHint, textWidth), textX, top + 40)
  ctx.fillStyle = colors.text
  ctx.font = `12px ${FONT_FAMILY}`
  ctx.fillText(fitText(ctx, content.codeLabel, textWidth), textX, top + 80)
  ctx.fillStyle = colors.primary
  ctx.font = `bold 24px ${FONT_FAMILY}`
  ctx.fillText(content.referralCode, textX, top + 110)
}

/** The certificate line under the code, across the poster, in the text colour on the surface (readable). */
function drawCertificate(ctx: PosterContext, content: PosterContent) {
  if (!content.certificateLine) return
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = content.colors.text
  ctx.font = `12px ${FONT_FAMILY}`
  ctx.fillText(fitText(ctx, content.certificateLine, POSTER_WIDTH - (PADDING - 8) * 2), PADDING - 8, POSTER_HEIGHT - 18)
}

/**
 * Draws the referral poster in CSS pixels (the caller scales the context by the device pixel
 * ratio): the brand header, the member's avatar, nickname and levels, the code to scan and the KOL certificate.
 */
export function drawPoster(ctx: PosterContext, content: PosterContent): void {
  ctx.fillStyle = content.colors.surface
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT)
  drawHeader(ctx, content)
  drawProfile(ctx, content)
  drawCode(ctx, content)
  drawCertificate(ctx, content)
}

/** The drawing context with the transform the surface sets up for the device pixel ratio. */
export type PosterSurfaceContext = PosterContext & Pick<CanvasRenderingContext2D, 'setTransform'>

/** A canvas ready to draw the poster on, on either platform. */
export type PosterSurface = {
  /** The canvas node: an HTMLCanvasElement on H5, the node from a selector query on weapp. */
  canvas: unknown
  ctx: PosterSurfaceContext
  /** Device pixel ratio the canvas holds the poster at (its pixel size is the CSS size times this). */
  pixelRatio: number
  /** An image for the poster, or null when it cannot be loaded (the poster then draws without it). */
  loadImage: (src: string) => Promise<PosterImage | null>
}

/** Waits at most this long for an image: a slow avatar must not hold the poster back. */
export const IMAGE_TIMEOUT_MS = 5000
