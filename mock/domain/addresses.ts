// Address book rules (domain-rules.md, Gifts): at most MAX_ADDRESSES a member, and exactly one default whenever
// there is any. Addresses are given in the order they were added (oldest first).

export const MAX_ADDRESSES = 10

type Entry = { id: string; isDefault: boolean }

/** A new address is the default when it is the first one, or when the member asks for it. */
export const isDefaultWhenAdded = (existing: readonly Entry[], requested: boolean | undefined): boolean =>
  existing.length === 0 || requested === true

/**
 * The default after a change: `chosen` when the member made an address the default; otherwise the current one if
 * it is still there, else the most recently added remaining one (deleting the default), else none.
 */
export const defaultAfter = (remaining: readonly Entry[], chosen: string | null = null): string | null => {
  if (chosen !== null && remaining.some((entry) => entry.id === chosen)) return chosen
  const current = remaining.find((entry) => entry.isDefault)
  if (current) return current.id
  return remaining[remaining.length - 1]?.id ?? null
}

/** As the book is shown: the default first, then the newest first. */
export const inDisplayOrder = <T extends Entry>(entries: readonly T[]): T[] => {
  const newestFirst = [...entries].reverse()
  return [...newestFirst.filter((entry) => entry.isDefault), ...newestFirst.filter((entry) => !entry.isDefault)]
}
