import { Address, Redemption } from '../../src/contract/all'
import type { ApiResponse } from './support/client'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, fieldsOf, signUp } from './support/client'
import { lockMockClock } from './support/clock'
import { addAddress, addressesOf, cancel, giftOf, grant, redeem, redeemOk, sampleAddress } from './support/mall'

const api = createApiClient()
// The cross-member redemption below is cancelled while pending: the clock must stay put over HTTP.
lockMockClock(api)

const create = (token: string, body: unknown): Promise<ApiResponse> =>
  api.request('POST', '/addresses', { token, body })

describe('addresses', () => {
  it('creates an address (201) with trimmed fields; the first is the default', async () => {
    const { token } = await signUp(api)
    const response = await create(token, sampleAddress({ name: '  李雷 ', detail: ' 中山路 1 号 101 ' }))
    expect(response.status).toBe(201)
    const address = expectShape(Address, response.body)
    expect(address).toMatchObject({ name: '李雷', detail: '中山路 1 号 101', isDefault: true })
    expect(await addressesOf(api, token)).toEqual([address])
  })

  it.each([
    ['name', { name: '' }],
    ['name', { name: '   ' }],
    ['name', { name: '名'.repeat(21) }],
    ['phone', { phone: '12345678901' }],
    ['phone', { phone: '1381234567' }],
    ['phone', { phone: '+8613812345678' }],
    ['region', { region: ['广东省', '深圳市'] }],
    ['region.2', { region: ['广东省', '深圳市', ''] }],
    ['region', { region: '广东省 深圳市 南山区' }],
    ['detail', { detail: '1号' }],
    ['detail', { detail: 'x'.repeat(121) }],
    ['isDefault', { isDefault: 'yes' }],
  ])('400 VALIDATION_FAILED names the field %s', async (field, change) => {
    const { token } = await signUp(api)
    const fields = fieldsOf(await create(token, { ...sampleAddress(), ...change }))
    expect(Object.keys(fields)).toEqual([field])
    expect(await addressesOf(api, token)).toEqual([])
  })

  it('reports every bad field at once, and missing ones', async () => {
    const { token } = await signUp(api)
    const fields = fieldsOf(await create(token, { name: '', phone: '1', region: [], detail: '' }))
    expect(Object.keys(fields).sort()).toEqual(['detail', 'name', 'phone', 'region'])
    expect(Object.keys(fieldsOf(await create(token, {}))).sort()).toEqual(['detail', 'name', 'phone', 'region'])
    const patch = await addAddress(api, token)
    const patchFields = fieldsOf(
      await api.request('PATCH', `/addresses/${patch.id}`, { token, body: { phone: '110' } }),
    )
    expect(Object.keys(patchFields)).toEqual(['phone'])
    expect(Object.keys(fieldsOf(await api.request('PATCH', `/addresses/${patch.id}`, { token, body: {} })))).toEqual([
      '$',
    ])
  })

  it('keeps exactly one default: isDefault moves it, deleting it passes it to the newest remaining', async () => {
    const { token } = await signUp(api)
    const first = await addAddress(api, token, { detail: '第一条路 1 号' })
    const second = await addAddress(api, token, { detail: '第二条路 2 号', isDefault: false })
    expect(second.isDefault).toBe(false)
    const third = await addAddress(api, token, { detail: '第三条路 3 号', isDefault: true })
    expect(third.isDefault).toBe(true)
    const ids = async () => (await addressesOf(api, token)).map((address) => [address.id, address.isDefault])
    // The default first, then the newest first.
    expect(await ids()).toEqual([
      [third.id, true],
      [second.id, false],
      [first.id, false],
    ])

    const moved = await api.request('PATCH', `/addresses/${first.id}`, { token, body: { isDefault: true } })
    expect(expectShape(Address, moved.body).isDefault).toBe(true)
    expect(await ids()).toEqual([
      [first.id, true],
      [third.id, false],
      [second.id, false],
    ])
    // isDefault: false on the default changes nothing: there is always one.
    await api.request('PATCH', `/addresses/${first.id}`, { token, body: { isDefault: false, name: '王五' } })
    expect(await ids()).toEqual([
      [first.id, true],
      [third.id, false],
      [second.id, false],
    ])
    expect((await addressesOf(api, token))[0]?.name).toBe('王五')

    expect((await api.request('DELETE', `/addresses/${first.id}`, { token })).body).toEqual({ ok: true })
    expect(await ids()).toEqual([
      [third.id, true],
      [second.id, false],
    ])
    await api.request('DELETE', `/addresses/${second.id}`, { token })
    expect(await ids()).toEqual([[third.id, true]])
    await api.request('DELETE', `/addresses/${third.id}`, { token })
    expect(await ids()).toEqual([])
    expect((await addAddress(api, token, { isDefault: false })).isDefault).toBe(true)
    expectError(await api.request('DELETE', `/addresses/${third.id}`, { token }), 404, 'NOT_FOUND')
  })

  it('allows 10 addresses, refuses the 11th with 409 ADDRESS_LIMIT_REACHED, and takes one again after a delete', async () => {
    const { token } = await signUp(api)
    const made: Address[] = []
    for (let index = 0; index < 10; index += 1)
      made.push(await addAddress(api, token, { detail: `幸福路 ${index} 号` }))
    expectError(await create(token, sampleAddress()), 409, 'ADDRESS_LIMIT_REACHED')
    expect(await addressesOf(api, token)).toHaveLength(10)
    await api.request('DELETE', `/addresses/${made[3]?.id ?? ''}`, { token })
    expect((await create(token, sampleAddress())).status).toBe(201)
  })
  it('the same address saved again (a retry after a lost answer, a second tap) is the one kept, not a copy', async () => {
    const { token } = await signUp(api)
    const kept = await addAddress(api, token)
    const other = await addAddress(api, token, { detail: '第二条路 2 号' })
    const again = await create(token, sampleAddress({ name: ' 张小满 ' }))
    expect(again.status).toBe(201)
    expect(expectShape(Address, again.body)).toEqual(kept)
    // Asked again as the default: the kept one becomes it.
    const asDefault = expectShape(
      Address,
      (await create(token, sampleAddress({ detail: '第二条路 2 号', isDefault: true }))).body,
    )
    expect(asDefault).toEqual({ ...other, isDefault: true })
    expect((await addressesOf(api, token)).map((address) => [address.id, address.isDefault])).toEqual([
      [other.id, true],
      [kept.id, false],
    ])
  })
})

describe('one member cannot reach another’s mall data', () => {
  it('B can neither read, edit nor delete A’s address (404), and A’s book is untouched', async () => {
    const a = await signUp(api)
    const b = await signUp(api)
    const address = await addAddress(api, a.token)
    expect(await addressesOf(api, b.token)).toEqual([])
    expectError(
      await api.request('PATCH', `/addresses/${address.id}`, { token: b.token, body: { name: '冒名' } }),
      404,
      'NOT_FOUND',
    )
    expectError(
      await api.request('PATCH', `/addresses/${address.id}`, { token: b.token, body: { isDefault: true } }),
      404,
      'NOT_FOUND',
    )
    expectError(await api.request('DELETE', `/addresses/${address.id}`, { token: b.token }), 404, 'NOT_FOUND')
    expect(await addressesOf(api, a.token)).toEqual([address])
  })

  describeWithMockRoutes('redemptions', () => {
    it('B can neither read nor cancel A’s redemption, nor redeem with A’s address', async () => {
      const a = await signUp(api)
      const b = await signUp(api)
      await grant(api, a.token, { points: 300 })
      await grant(api, b.token, { points: 300 })
      const address = await addAddress(api, a.token)
      const stock = (await giftOf(api, 'gift-tote')).stock
      const made = await redeemOk(api, a.token, { giftId: 'gift-tote', addressId: address.id })

      expectError(await api.request('GET', `/redemptions/${made.id}`, { token: b.token }), 404, 'NOT_FOUND')
      expect((await api.request('GET', '/redemptions', { token: b.token })).body).toEqual({
        items: [],
        nextCursor: null,
      })
      expectError(await cancel(api, b.token, made.id), 404, 'NOT_FOUND')
      expectError(await redeem(api, b.token, { giftId: 'gift-tote', addressId: address.id }), 404, 'NOT_FOUND')

      const stillMine = expectShape(
        Redemption,
        (await api.request('GET', `/redemptions/${made.id}`, { token: a.token })).body,
      )
      expect(stillMine.status).toBe('pending_shipment')
      expect((await giftOf(api, 'gift-tote', b.token)).redeemedByMe).toBe(0)
      expect((await giftOf(api, 'gift-tote', a.token)).redeemedByMe).toBe(1)
      expect((await cancel(api, a.token, made.id)).status).toBe(200)
      // Over HTTP other files redeem gift-tote too: only in-process is the stock ours alone.
      if (api.isInProcess) expect((await giftOf(api, 'gift-tote')).stock).toBe(stock)
    })
  })
})
