import * as v from 'valibot'
// From the index, not './common' (see community.ts).
import { IsoDate, IsoDateTime } from './index'

// Certificates: for a completed check-in challenge or a KOL level (domain-rules.md, Community; Distribution and
// KOLs). Only the certificate pages and the KOL center load these (imported by path).

export const Certificate = v.object({
  code: v.pipe(v.string(), v.regex(/^FLC-[0-9A-Z]{4}-[0-9A-Z]{4}$/)),
  title: v.string(),
  holderNickname: v.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  issuedAt: IsoDateTime,
  valid: v.boolean(),
  /** A check-in challenge's badge, or a KOL level (distribution); absent means challenge. */
  kind: v.optional(v.picklist(['challenge', 'kol_level'])),
})
export type Certificate = v.InferOutput<typeof Certificate>

export const CertificatePage = v.object({ items: v.array(Certificate), nextCursor: v.nullable(v.string()) })
