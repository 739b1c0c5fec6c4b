/** Money is integer fen on the wire; shown as ¥ with two decimals. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** 12345 -> "12,345": points are integers. */
export function formatPoints(points: number): string {
  return String(points).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * A server time shown as the server wrote it ("2026-11-23T08:05:00+08:00" -> "2026-11-23 08:05"):
 * the brand's time zone decides, not the phone's.
 */
export function formatServerTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ')
}

/**
 * The first character of a nickname, shown where there is no avatar picture: a whole emoji (🌸小雨 -> 🌸), never its
 * first UTF-16 unit alone, which shows as �.
 */
export function avatarInitial(nickname: string): string {
  const first = nickname.charCodeAt(0)
  // 0xD800–0xDBFF: the first half of a surrogate pair; the character is two units long.
  return nickname.slice(0, first >= 0xd800 && first <= 0xdbff ? 2 : 1)
}

/** "2026-11-23" -> "11-23" for compact lists. */
export function formatShortDate(isoDate: string): string {
  return isoDate.slice(5, 10)
}
