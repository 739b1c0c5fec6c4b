import { bindingRefusal } from '../../mock/modules/distribution/rules'

describe('referral binding', () => {
  const bindings = [
    { memberId: 'mentor', distributorId: 'kol' },
    { memberId: 'fan', distributorId: 'mentor' },
  ]

  it.each([
    ['a new member to a distributor', 'new', 'kol', null],
    ['a distributor to themselves', 'kol', 'kol', 'self'],
    ['a member who already has a referrer', 'fan', 'kol', 'already_bound'],
    ['the KOL to the mentor they referred', 'kol', 'mentor', 'cycle'],
    ['the KOL to the fan two levels down', 'kol', 'fan', 'cycle'],
    ['an unbound distributor to someone in another chain', 'other-kol', 'fan', null],
  ])('binding %s: %s', (_label, memberId, distributorId, refusal) => {
    expect(bindingRefusal(memberId, distributorId, bindings)).toBe(refusal)
  })

  it('stops on a chain that already loops instead of spinning', () => {
    const looping = [
      { memberId: 'a', distributorId: 'b' },
      { memberId: 'b', distributorId: 'a' },
    ]
    expect(bindingRefusal('c', 'a', looping)).toBeNull()
  })
})
