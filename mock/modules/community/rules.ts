// Pure rules of the community: content review, image types by their bytes, reports, the challenge's days and
// certificate codes. No database, no clock: callers pass what these need.

/** What a review says about a text: it may go out, or it may not, and why (shown to the author). */
export type ReviewVerdict = { ok: true } | { ok: false; reason: string }

/**
 * The one interface every review goes through. The mock checks a banned-word list; a real backend calls WeChat's
 * content security API (msgSecCheck) here instead, and nothing else changes.
 */
export type ContentReview = (text: string) => ReviewVerdict

/** Server-side only: never sent to the app (a list in the app is a list to work around). */
export const DEFAULT_BANNED_WORDS: readonly string[] = ['刷单', '赌博', '代开发票', '办证', '色情', '毒品', '传销']

/** Case and spacing do not hide a word: 刷 单 and 刷单 are the same. */
const normalized = (text: string): string => text.toLowerCase().replace(/\s+/g, '')

export const bannedWordReview =
  (words: readonly string[]): ContentReview =>
  (text) => {
    const haystack = normalized(text)
    const hit = words.find((word) => word !== '' && haystack.includes(normalized(word)))
    return hit === undefined ? { ok: true } : { ok: false, reason: `内容包含违规词「${hit}」，请修改后重新发布` }
  }

export type ImageType = { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; ext: 'jpg' | 'png' | 'webp' }

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, index) => bytes[at + index] === byte)

/** The image type the bytes are (magic numbers), or null: never what the name or the declared type says. */
export const imageTypeOf = (bytes: Uint8Array): ImageType | null => {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', ext: 'jpg' }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', ext: 'png' }
  // RIFF <4-byte size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { contentType: 'image/webp', ext: 'webp' }
  return null
}

/**
 * Uploads a member may make in a business day: eleven full posts of nine pictures and more, far beyond anyone
 * posting, while a script uploading 5 MB a request without end would fill the database (the bytes are kept there).
 */
export const UPLOADS_PER_DAY = 100

/** A post reported by this many distinct members leaves the feed, pending an operator's review. */
export const REPORTS_TO_HIDE = 5

/** A member's post with a product card is share-to-earn; any other goes to recommendations. */
export const sectionOf = (productId: string | undefined): 'earn' | 'recommend' =>
  productId === undefined ? 'recommend' : 'earn'

/**
 * Who may attach a product to a post: only a member with distribution rights (the post pays its author on every
 * order through it, so a plain member's product card would be a 分享赚 post that pays nobody). A refusal code, or
 * null when the post may go out as it is.
 */
export const productAttachRefusal = (isDistributor: boolean): 'NOT_DISTRIBUTOR' | null =>
  isDistributor ? null : 'NOT_DISTRIBUTOR'

/**
 * Who may report a post: anyone but its author (a report is a member's complaint about someone else's post; the
 * author's own would count towards the 5 distinct reporters that hide it). Authors delete their posts instead.
 */
export const reportRefusal = (isAuthor: boolean): 'FORBIDDEN' | null => (isAuthor ? 'FORBIDDEN' : null)

/**
 * The server-made name of an upload, from exactly the URL this server gave out (`POST /uploads`, on its own
 * `origin`); null for anything else. The same path on another host is refused too: every phone that shows the
 * picture would load it from there, telling that host who looks.
 */
export const ownUploadName = (url: string, origin: string): string | null => {
  const match = /^(https?:\/\/[^/]+)\/api\/v1\/uploads\/([A-Za-z0-9_-]{1,100}\.(?:jpg|png|webp))$/.exec(url)
  return match?.[1] === origin ? (match[2] ?? null) : null
}

export type DayState = 'checked' | 'missed' | 'today' | 'upcoming'

/** Each day of a challenge and what the member's check-ins make of it (a make-up counts only where allowed). */
export const challengeDays = (
  days: readonly string[],
  checkins: readonly { date: string; isMakeup: boolean }[],
  today: string,
  allowsMakeup: boolean,
): { date: string; state: DayState }[] => {
  const counted = new Set(checkins.filter((row) => allowsMakeup || !row.isMakeup).map((row) => row.date))
  return days.map((date) => ({
    date,
    state: counted.has(date) ? 'checked' : date < today ? 'missed' : date === today ? 'today' : 'upcoming',
  }))
}

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A certificate code like FLC-7KQ2-M9XD from 8 random bytes: 31^8 (about 8.5e11) codes, not guessable. */
export const certificateCode = (bytes: ArrayLike<number>): string => {
  if (bytes.length < 8) throw new Error('certificateCode needs 8 bytes')
  let chars = ''
  for (let index = 0; index < 8; index += 1) chars += CODE_ALPHABET[(bytes[index] ?? 0) % CODE_ALPHABET.length] ?? '2'
  return `FLC-${chars.slice(0, 4)}-${chars.slice(4)}`
}

/** The Monday of the week a business day (YYYY-MM-DD) falls in: challenges run Monday to Sunday. */
export const mondayOf = (day: string): string => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  const monday = new Date(Date.parse(`${day}T00:00:00Z`) - ((weekday + 6) % 7) * 86_400_000)
  return monday.toISOString().slice(0, 10)
}

/**
 * The levels' `homepage_feature` benefit (达人笔记优先展示): a recent post of a member whose level has it is featured in
 * 爆款精选, the list home's 社区精选 shows, first after the pinned ones, whatever section it was posted in.
 * Recent: these many days, so a featured member's old posts give way to new ones.
 */
export const FEATURE_DAYS = 7

export type LevelBenefits = { minGrowth: number; benefits: readonly { code: string }[] }

/** The growth ranges [from, to) of the levels with `homepage_feature` (to null: no level above), in order. */
export const featuredGrowthRanges = (levels: readonly LevelBenefits[]): { from: number; to: number | null }[] => {
  const sorted = [...levels].sort((a, b) => a.minGrowth - b.minGrowth)
  return sorted.flatMap((level, index) =>
    level.benefits.some((benefit) => benefit.code === 'homepage_feature')
      ? [{ from: level.minGrowth, to: sorted[index + 1]?.minGrowth ?? null }]
      : [],
  )
}
