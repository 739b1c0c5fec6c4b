import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { certificateEndpoints } from '@/contract/certificate-endpoints'
import { challengeEndpoints } from '@/contract/challenge-endpoints'
import { request } from '@/lib/http'
import { eventKeys } from './event-queries'

// The challenge page's join and the certificates (subpackage pages and the KOL center).

export function useJoinEvent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ eventId, idempotencyKey }: { eventId: string; idempotencyKey: string }) =>
      request(challengeEndpoints.joinEvent, { params: { id: eventId }, idempotencyKey }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.events }),
        queryClient.invalidateQueries({ queryKey: eventKeys.certificates }),
      ]),
  })
}

export const certificatesQuery = () =>
  queryOptions({
    queryKey: [...eventKeys.certificates, 'mine'],
    queryFn: () => request(certificateEndpoints.certificates, { query: { limit: '50' } }),
  })

/** Public: checks a code with the server (what a certificate says is only as good as this answer). */
export const certificateQuery = (code: string) =>
  queryOptions({
    queryKey: eventKeys.certificate(code),
    queryFn: () => request(certificateEndpoints.certificate, { params: { code } }),
    retry: false,
  })
