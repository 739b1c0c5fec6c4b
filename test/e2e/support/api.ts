/**
 * One call to the mock API from a journey (personas, seeding, checking what the server kept): JSON in, JSON out.
 * `expectOk` turns an answer that is not 2xx into a thrown error naming the call.
 */
export async function callApi<T = Record<string, unknown>>(
  apiBase: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; idempotencyKey?: string; expectOk?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  if (options.expectOk && !response.ok) {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`)
  }
  return (await response.json()) as T
}
