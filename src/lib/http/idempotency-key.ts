/**
 * A UUID v4 for the Idempotency-Key header: one per user intent, reused by every retry of it.
 * The mini-program has no crypto.randomUUID; uniqueness per member is all the server needs.
 */
export function createIdempotencyKey(): string {
  const random = (): number => Math.floor(Math.random() * 16)
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (char) => {
    const nibble = random()
    return (char === 'x' ? nibble : (nibble & 0x3) | 0x8).toString(16)
  })
}
