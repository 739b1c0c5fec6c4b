import { screen, waitFor } from '@testing-library/react'
import type { Address } from '@/contract/mall'
import { AddressForm } from '@/features/mall/components/address-form'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

async function signedIn(api: Api): Promise<string> {
  const { token } = await api.signInPersona('new-member')
  useSession.getState().signedIn(token)
  return token
}

async function fill(container: HTMLElement, values: { name?: string; phone?: string; region?: string[]; detail?: string }) {
  if (values.name !== undefined) await typeInto(container, 'address-name-input', values.name)
  if (values.phone !== undefined) await typeInto(container, 'address-phone-input', values.phone)
  const [province, city, district] = values.region ?? []
  if (province !== undefined) await typeInto(container, 'address-province-input', province)
  if (city !== undefined) await typeInto(container, 'address-city-input', city)
  if (district !== undefined) await typeInto(container, 'address-district-input', district)
  if (values.detail !== undefined) await typeInto(container, 'address-detail-input', values.detail)
}

const addressCalls = (api: Api) => api.sent.filter((call) => call.path.includes('/addresses') && call.method !== 'GET')

/** The error sits in the same field block as its input, not in a banner somewhere else. */
function expectErrorNextTo(field: string, inputTestId: string, message: string) {
  const error = screen.getByTestId(`address-${field}-error`)
  expect(error.textContent).toBe(message)
  expect(error.parentElement?.querySelector(`[data-testid="${inputTestId}"]`)).toBeTruthy()
}

const VALID = { name: '王小明', phone: '13812345678', region: ['广东省', '深圳市', '南山区'], detail: '科技园南路 88 号 3 栋 1201' }

describe('AddressForm', () => {
  test('an empty form shows each field its own error and sends nothing', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const onSaved = jest.fn()
    const { container } = renderWithApp(<AddressForm onSaved={onSaved} />)
    await typeInto(container, 'address-name-input', '   ')

    tap(container, 'address-save')
    expectErrorNextTo('name', 'address-name-input', '请填写收货人（1 到 20 个字）')
    expectErrorNextTo('phone', 'address-phone-input', '请填写 11 位大陆手机号')
    expect(screen.getByTestId('address-region-error').textContent).toBe('请选择省、市、区')
    expectErrorNextTo('detail', 'address-detail-input', '详细地址需要 4 到 120 个字')
    expect(addressCalls(api)).toHaveLength(0)
    expect(onSaved).not.toHaveBeenCalled()
  })

  test('a bad phone, a missing district and a short detail are flagged; the good name is not', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const { container } = renderWithApp(<AddressForm onSaved={jest.fn()} />)
    await fill(container, { name: '王小明', phone: '12345678901', region: ['广东省', '深圳市'], detail: '88号' })

    tap(container, 'address-save')
    expect(screen.getByTestId('address-phone-error').textContent).toBe('请填写 11 位大陆手机号')
    expect(screen.getByTestId('address-region-error').textContent).toBe('请选择省、市、区')
    expect(screen.getByTestId('address-detail-error').textContent).toBe('详细地址需要 4 到 120 个字')
    expect(screen.queryByTestId('address-name-error')).toBeNull()
    expect(addressCalls(api)).toHaveLength(0)
  })

  test('a valid address is saved once, trimmed, and handed back', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const onSaved = jest.fn()
    const { container } = renderWithApp(<AddressForm onSaved={onSaved} />)
    await fill(container, { ...VALID, name: ' 王小明 ' })
    tap(container, 'address-default-switch')

    tap(container, 'address-save')
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(addressCalls(api)).toHaveLength(1)
    expect(addressCalls(api)[0]?.body).toEqual({ ...VALID, isDefault: true })
    const saved = onSaved.mock.calls[0]?.[0] as Address
    expect(saved).toMatchObject({ ...VALID, isDefault: true })
    expect((await api.call('GET', '/addresses', { token })).json.items).toEqual([saved])
  })

  test("the server's validation error is shown next to its field", async () => {
    const api = installInProcessApi()
    await signedIn(api)
    api.fail('POST', '/addresses', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'bad', details: { fields: { 'region.2': 'a region name' } } } }),
    })
    const onSaved = jest.fn()
    const { container } = renderWithApp(<AddressForm onSaved={onSaved} />)
    await fill(container, VALID)

    tap(container, 'address-save')
    expect((await screen.findByTestId('address-region-error')).textContent).toBe('请选择省、市、区')
    expect(screen.queryByTestId('address-form-error')).toBeNull()
    expect(screen.queryByTestId('address-name-error')).toBeNull()
    expect(onSaved).not.toHaveBeenCalled()
  })

  test('a 500 says so under the form and keeps what was typed', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    api.fail('POST', '/addresses', { kind: 'status', status: 500, body: '{"error":{"code":"INTERNAL","message":"down"}}' })
    const onSaved = jest.fn()
    const { container } = renderWithApp(<AddressForm onSaved={onSaved} />)
    await fill(container, VALID)

    tap(container, 'address-save')
    expect((await screen.findByTestId('address-form-error')).textContent).toBe('服务开小差了，请稍后重试')
    tap(container, 'address-save')
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(screen.queryByTestId('address-form-error')).toBeNull()
  })

  test('editing starts from the address and sends the changed fields without touching the default', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const first = (await api.call('POST', '/addresses', { token, body: VALID })).json as Address
    const onSaved = jest.fn()
    const onCancelled = jest.fn()
    const { container } = renderWithApp(<AddressForm address={first} onSaved={onSaved} onCancelled={onCancelled} />)
    await waitFor(() =>
      expect(container.querySelector<HTMLInputElement>('[data-testid="address-name-input"] input')?.value).toBe('王小明'),
    )
    // The only address is the default, and a default is never switched off in place.
    expect(screen.getByTestId('address-default-switch').getAttribute('aria-disabled')).toBe('true')
    await typeInto(container, 'address-detail-input', '科技园北路 1 号')

    tap(container, 'address-save')
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(addressCalls(api)[0]).toMatchObject({ method: 'PATCH', body: { ...VALID, detail: '科技园北路 1 号' } })
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({ id: first.id, detail: '科技园北路 1 号', isDefault: true })
    tap(container, 'address-cancel')
    expect(onCancelled).toHaveBeenCalledTimes(1)
  })
})
