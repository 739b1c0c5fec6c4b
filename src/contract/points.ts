import * as v from 'valibot'
import { Id, Int, IsoDateTime } from './common'

/** Types the mock writes; a real backend may add its own, so the schema keeps `type` an open string. */
export const LEDGER_ENTRY_TYPES = [
  'checkin',
  'makeup',
  // What a make-up paid back on a check-in whose streak it lengthened (refId: that check-in).
  'checkin_streak_restored',
  'task',
  'post',
  'comment',
  'order',
  'refund',
  'redemption',
  'redemption_cancel',
  'adjustment',
  'birthday',
  'expiry',
  'migration',
  // A membership plan's part of a check-in, and its reversal when the plan is refunded.
  'plan_checkin_bonus',
  'plan_refund',
] as const
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number]

/** One change of a member's points; the balance is the sum of these, never stored on its own. */
export const LedgerEntry = v.object({
  id: Id,
  delta: Int,
  type: v.string(),
  reason: v.string(),
  refId: v.nullable(v.string()),
  createdAt: IsoDateTime,
  /** Earned lots expire at the end of the year after the year earned; spends and expiries carry null. */
  expiresAt: v.nullable(IsoDateTime),
})
export type LedgerEntry = v.InferOutput<typeof LedgerEntry>
