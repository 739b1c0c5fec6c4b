export type BindingLink = { memberId: string; distributorId: string }
export type BindingRefusal = 'self' | 'already_bound' | 'cycle'

/**
 * First touch wins: a member with a referrer is never re-bound. A distributor cannot refer themselves,
 * nor anyone above them in their own referrer chain (that would close a loop of commissions).
 */
export const bindingRefusal = (
  memberId: string,
  distributorId: string,
  bindings: readonly BindingLink[],
): BindingRefusal | null => {
  if (memberId === distributorId) return 'self'
  if (bindings.some((binding) => binding.memberId === memberId)) return 'already_bound'
  const seen = new Set<string>()
  let current: string | undefined = distributorId
  while (current !== undefined && !seen.has(current)) {
    if (current === memberId) return 'cycle'
    seen.add(current)
    const upstream: string = current
    current = bindings.find((binding) => binding.memberId === upstream)?.distributorId
  }
  return null
}
