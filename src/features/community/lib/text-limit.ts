/**
 * Text cut to at most maxLength UTF-16 units (what the contract's maxLength counts, as the server does), but never
 * through the middle of an emoji: half of one is text the server refuses and shows as �, so a pair that would be
 * split is left out whole. For what members type or paste, and for a share's shortened title.
 */
export function cutToMaxLength(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value
  const cut = value.slice(0, maxLength)
  const last = cut.charCodeAt(cut.length - 1)
  // 0xD800–0xDBFF: the first half of a surrogate pair, whose second half was cut off.
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut
}
