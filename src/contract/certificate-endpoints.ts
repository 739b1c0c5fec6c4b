// The landed contract through its index (see community.ts).
import { CursorQuery, defineEndpoint } from './index'
import { Certificate, CertificatePage } from './certificate'

/** My certificates and the public check of one: only the certificate pages and the KOL center load this table. */
export const certificateEndpoints = {
  certificates: defineEndpoint({
    method: 'GET',
    path: '/certificates',
    isPublic: false,
    isIdempotent: false,
    query: CursorQuery,
    response: CertificatePage,
    status: 200,
  }),
  certificate: defineEndpoint({
    method: 'GET',
    path: '/certificates/{code}',
    isPublic: true,
    isIdempotent: false,
    response: Certificate,
    status: 200,
  }),
} as const
