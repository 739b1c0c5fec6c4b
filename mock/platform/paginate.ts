import { Buffer } from 'node:buffer'
import { invalid } from './errors'

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

export const encodeCursor = (key: SortKey): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')

export const decodeCursor = (cursor: string): SortKey => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    // Only what encodeCursor makes: finite numbers (1e999 parses as Infinity) and strings PostgreSQL can hold (no NUL).
    if (
      Array.isArray(key) &&
      key.every(
        (part) =>
          (typeof part === 'string' && !part.includes('\u0000')) || (typeof part === 'number' && Number.isFinite(part)),
      )
    )
      return key
  } catch {
    /* answered below */
  }
  throw invalid({ cursor: 'not a cursor this server issued' })
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
  const limit = pageLimit(query)
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

export type PageQuery = { cursor?: string; limit?: string }

export const pageLimit = (query: PageQuery): number => (query.limit === undefined ? 20 : Number(query.limit))

/**
 * Keyset pagination in SQL: fetch limit + 1 rows after the cursor's key; the extra row says whether there is
 * a next page, and the last row served gives its cursor.
 */
export const sqlPage = <T>(rows: readonly T[], limit: number, keyOf: (row: T) => SortKey) => {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null }
}

/** The cursor's key when it has the expected shape of numbers and strings, else 400. */
export const cursorKey = <K extends readonly ('number' | 'string')[]>(query: PageQuery, shape: K) => {
  if (query.cursor === undefined) return null
  const key = decodeCursor(query.cursor)
  if (key.length !== shape.length || key.some((part, index) => typeof part !== shape[index]))
    throw invalid({ cursor: 'not a cursor this server issued' })
  return key as { [I in keyof K]: K[I] extends 'number' ? number : string }
}

/**
 * cursorKey for keys whose numbers are whole (times in ms, positions, counts), the keys the distribution and order
 * lists issue: a fraction or a number past 2^53 is no key this server issued, and PostgreSQL's integer casts would
 * fail on it with a 500. Lists paged in memory call it too, so an edited cursor is a 400 there as well.
 */
export const wholeCursorKey = <K extends readonly ('number' | 'string')[]>(query: PageQuery, shape: K) => {
  const key = cursorKey(query, shape)
  if (key?.some((part) => typeof part === 'number' && !Number.isSafeInteger(part)))
    throw invalid({ cursor: 'not a cursor this server issued' })
  return key
}
