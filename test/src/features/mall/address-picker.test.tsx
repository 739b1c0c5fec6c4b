import { useState } from 'react'
import { screen, waitFor, waitForElementToBeRemoved } from '@testing-library/react'
import type { Address } from '@/contract/mall'
import { AddressPicker } from '@/features/mall/components/address-picker'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

const HOME = { name: '王小明', phone: '13812345678', region: ['广东省', '深圳市', '南山区'], detail: '科技园南路 88 号' }
const OFFICE = { name: '李华', phone: '13987654321', region: ['上海市', '上海市', '浦东新区'], detail: '世纪大道 100 号' }

async function signedIn(api: Api): Promise<string> {
  const { token } = await api.signInPersona('new-member')
  useSession.getState().signedIn(token)
  return token
}

/** The redeem sheet's side of the contract: it keeps the chosen id and passes it back in. */
function Sheet({ onSelected }: { onSelected: (address: Address) => void }) {
  const [selectedId, setSelectedId] = useState<string | null>(null)
  return (
    <>
      <AddressPicker
        selectedId={selectedId}
        onSelected={(address) => {
          onSelected(address)
          setSelectedId(address.id)
        }}
      />
      <span data-testid='chosen'>{selectedId ?? 'none'}</span>
    </>
  )
}

const isChecked = (id: string) => screen.getByTestId(`address-option-${id}`).getAttribute('aria-checked')

describe('AddressPicker', () => {
  test('chooses the default by itself, once, and another on a tap', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const home = (await api.call('POST', '/addresses', { token, body: HOME })).json as Address
    const office = (await api.call('POST', '/addresses', { token, body: { ...OFFICE, isDefault: true } })).json as Address
    const onSelected = jest.fn()
    const { container } = renderWithApp(<Sheet onSelected={onSelected} />)

    await waitFor(() => expect(screen.getByTestId('chosen').textContent).toBe(office.id))
    expect(onSelected).toHaveBeenCalledTimes(1)
    expect(isChecked(office.id)).toBe('true')
    expect(screen.getByTestId(`address-option-${office.id}`).textContent).toContain('默认')
    expect(screen.getByTestId(`address-option-${home.id}`).textContent).not.toContain('默认')

    tap(container, `address-option-${home.id}`)
    await waitFor(() => expect(isChecked(home.id)).toBe('true'))
    expect(isChecked(office.id)).toBe('false')
    expect(onSelected).toHaveBeenCalledTimes(2)
    expect(onSelected).toHaveBeenLastCalledWith(expect.objectContaining({ id: home.id, isDefault: false }))
  })

  test('with no address, invites the first; once saved it is listed and selected', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const onSelected = jest.fn()
    const { container } = renderWithApp(<Sheet onSelected={onSelected} />)
    expect((await screen.findByTestId('empty-state')).textContent).toContain('还没有收货地址')
    expect(onSelected).not.toHaveBeenCalled()

    tap(container, 'address-add-first')
    await typeInto(container, 'address-name-input', HOME.name)
    await typeInto(container, 'address-phone-input', HOME.phone)
    await typeInto(container, 'address-province-input', '广东省')
    await typeInto(container, 'address-city-input', '深圳市')
    await typeInto(container, 'address-district-input', '南山区')
    await typeInto(container, 'address-detail-input', HOME.detail)
    tap(container, 'address-save')

    await waitForElementToBeRemoved(() => screen.queryByTestId('address-form'))
    const saved = onSelected.mock.calls[0]?.[0] as Address
    expect(saved).toMatchObject({ ...HOME, isDefault: true })
    expect(onSelected).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(isChecked(saved.id)).toBe('true'))
    expect(screen.getByTestId(`address-option-${saved.id}`).textContent).toContain('科技园南路 88 号')
  })

  test('a second address added in place becomes the selected one', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const home = (await api.call('POST', '/addresses', { token, body: HOME })).json as Address
    const onSelected = jest.fn()
    const { container } = renderWithApp(<Sheet onSelected={onSelected} />)
    await waitFor(() => expect(isChecked(home.id)).toBe('true'))

    tap(container, 'address-add')
    await typeInto(container, 'address-name-input', OFFICE.name)
    await typeInto(container, 'address-phone-input', OFFICE.phone)
    await typeInto(container, 'address-province-input', '上海市')
    await typeInto(container, 'address-city-input', '上海市')
    await typeInto(container, 'address-district-input', '浦东新区')
    await typeInto(container, 'address-detail-input', OFFICE.detail)
    tap(container, 'address-save')

    await waitFor(() => expect(onSelected).toHaveBeenCalledTimes(2))
    const office = onSelected.mock.calls[1]?.[0] as Address
    await waitFor(() => expect(isChecked(office.id)).toBe('true'))
    expect(isChecked(home.id)).toBe('false')
    // Added, not made the default: the first address keeps its tag.
    expect(screen.getByTestId(`address-option-${home.id}`).textContent).toContain('默认')
  })

  test('edits the chosen address in place and hands back the new version', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const home = (await api.call('POST', '/addresses', { token, body: HOME })).json as Address
    const onSelected = jest.fn()
    const { container } = renderWithApp(<Sheet onSelected={onSelected} />)
    await waitFor(() => expect(isChecked(home.id)).toBe('true'))

    tap(container, `address-edit-${home.id}`)
    // Tapping edit is not choosing again.
    expect(onSelected).toHaveBeenCalledTimes(1)
    await typeInto(container, 'address-detail-input', '深南大道 9 号')
    tap(container, 'address-save')

    await waitFor(() => expect(screen.getByTestId(`address-option-${home.id}`).textContent).toContain('深南大道 9 号'))
    expect(onSelected).toHaveBeenLastCalledWith(expect.objectContaining({ id: home.id, detail: '深南大道 9 号' }))
    expect(isChecked(home.id)).toBe('true')
  })

  test('a failed load shows why, and retry recovers', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const home = (await api.call('POST', '/addresses', { token, body: HOME })).json as Address
    api.fail('GET', '/addresses', { kind: 'network' })
    const { container } = renderWithApp(<Sheet onSelected={jest.fn()} />)
    expect(screen.getByTestId('address-skeleton')).toBeTruthy()
    expect((await screen.findByTestId('error-state')).textContent).toContain('网络不太好')

    tap(container, 'retry')
    await waitFor(() => expect(isChecked(home.id)).toBe('true'))
  })
})
