import { Buffer } from 'node:buffer'
import { ApiError } from './errors'

export type SortKey = readonly (string | number)[]

const compareKeys = (a: SortKey, b: SortKey): number => {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index]
    const right = b[index]
    if (left === right) continue
    if (left === undefined) return -1
    if (right === undefined) return 1
    if (typeof left === 'number' && typeof right === 'number') return left - right
    return String(left) < String(right) ? -1 : 1
  }
  return 0
}

const encodeCursor = (key: SortKey): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')

const decodeCursor = (cursor: string): SortKey => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(key) && key.every((part) => typeof part === 'string' || typeof part === 'number')) return key
  } catch {
    /* answered below */
  }
  throw new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid.', {
    fields: { cursor: 'not a cursor this server issued' },
  })
}

/**
 * Keyset pagination: the cursor is the sort key of the last item served, so inserting or deleting
 * items between pages neither repeats nor skips any.
 */
export const paginate = <T>(
  items: readonly T[],
  sortKey: (item: T) => SortKey,
  query: { cursor?: string; limit?: string },
): { items: T[]; nextCursor: string | null } => {
  const limit = query.limit === undefined ? 20 : Number(query.limit)
  const sorted = items.map((item) => ({ item, key: sortKey(item) })).sort((a, b) => compareKeys(a.key, b.key))
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor)
  const remaining = after === null ? sorted : sorted.filter(({ key }) => compareKeys(key, after) > 0)
  const pageItems = remaining.slice(0, limit)
  const last = pageItems[pageItems.length - 1]
  return {
    items: pageItems.map(({ item }) => item),
    nextCursor: remaining.length > limit && last ? encodeCursor(last.key) : null,
  }
}
