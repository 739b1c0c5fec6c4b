import Taro from '@tarojs/taro'
import { screen, waitFor, waitForElementToBeRemoved } from '@testing-library/react'
import type { Address } from '@/contract/mall'
import { AddressBook } from '@/features/mall/components/address-book'
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

const addressesOnServer = async (api: Api, token: string) =>
  (await api.call('GET', '/addresses', { token })).json.items as Address[]

const card = (id: string) => screen.getByTestId(`address-card-${id}`)

describe('AddressBook', () => {
  afterEach(() => jest.restoreAllMocks())

  test('adds the first address from the empty state; it is listed as the default', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const { container } = renderWithApp(<AddressBook />)
    expect((await screen.findByTestId('empty-state')).textContent).toContain('兑换实物礼品需要一个收货地址')

    tap(container, 'address-add-first')
    await typeInto(container, 'address-name-input', HOME.name)
    await typeInto(container, 'address-phone-input', HOME.phone)
    await typeInto(container, 'address-province-input', '广东省')
    await typeInto(container, 'address-city-input', '深圳市')
    await typeInto(container, 'address-district-input', '南山区')
    await typeInto(container, 'address-detail-input', HOME.detail)
    tap(container, 'address-save')

    await waitForElementToBeRemoved(() => screen.queryByTestId('address-form'))
    const [saved] = await addressesOnServer(api, token)
    expect(saved).toMatchObject({ ...HOME, isDefault: true })
    await waitFor(() => expect(card(saved?.id ?? '').textContent).toContain('科技园南路 88 号'))
    expect(card(saved?.id ?? '').textContent).toContain('默认')
    expect(screen.getByTestId('address-count').textContent).toBe('已保存 1 / 10 个地址')
  })

  test('edits an address in place', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const home = (await api.call('POST', '/addresses', { token, body: HOME })).json as Address
    const { container } = renderWithApp(<AddressBook />)
    await screen.findByTestId(`address-card-${home.id}`)

    tap(container, `address-edit-${home.id}`)
    await typeInto(container, 'address-name-input', '王大明')
    tap(container, 'address-save')

    await waitFor(() => expect(card(home.id).textContent).toContain('王大明'))
    expect(screen.queryByTestId('address-form')).toBeNull()
    expect((await addressesOnServer(api, token))[0]?.name).toBe('王大明')
  })

  test('deletes only after the member confirms; the remaining one becomes the default', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const home = (await api.call('POST', '/addresses', { token, body: HOME })).json as Address
    const office = (await api.call('POST', '/addresses', { token, body: OFFICE })).json as Address
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    const { container } = renderWithApp(<AddressBook />)
    await screen.findByTestId(`address-card-${home.id}`)

    tap(container, `address-delete-${home.id}`)
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(modal.mock.calls[0]?.[0]?.content).toContain('王小明')
    expect(await addressesOnServer(api, token)).toHaveLength(2)

    modal.mockResolvedValueOnce({ confirm: true, cancel: false } as never)
    tap(container, `address-delete-${home.id}`)
    await waitForElementToBeRemoved(() => screen.queryByTestId(`address-card-${home.id}`))
    expect(await addressesOnServer(api, token)).toEqual([{ ...office, isDefault: true }])
    await waitFor(() => expect(card(office.id).textContent).toContain('默认'))
  })

  test('sets another address as the default', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const home = (await api.call('POST', '/addresses', { token, body: HOME })).json as Address
    const office = (await api.call('POST', '/addresses', { token, body: OFFICE })).json as Address
    const { container } = renderWithApp(<AddressBook />)
    await screen.findByTestId(`address-card-${office.id}`)
    expect(screen.queryByTestId(`address-set-default-${home.id}`)).toBeNull()

    tap(container, `address-set-default-${office.id}`)
    await waitForElementToBeRemoved(() => screen.queryByTestId(`address-set-default-${office.id}`))
    expect(screen.getByTestId(`address-set-default-${home.id}`)).toBeTruthy()
    const onServer = await addressesOnServer(api, token)
    expect(onServer.find((address) => address.isDefault)?.id).toBe(office.id)
    expect(onServer.filter((address) => address.isDefault)).toHaveLength(1)
  })

  test("an eleventh address is refused in the server's words and nothing is added", async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    for (let index = 0; index < 10; index += 1) {
      const answer = await api.call('POST', '/addresses', { token, body: { ...HOME, detail: `科技园南路 ${index + 1} 号` } })
      expect(answer.status).toBe(201)
    }
    const { container } = renderWithApp(<AddressBook />)
    expect((await screen.findByTestId('address-limit')).textContent).toBe('最多保存 10 个地址，请先删除不用的地址')

    tap(container, 'address-add')
    await typeInto(container, 'address-name-input', OFFICE.name)
    await typeInto(container, 'address-phone-input', OFFICE.phone)
    await typeInto(container, 'address-province-input', '上海市')
    await typeInto(container, 'address-city-input', '上海市')
    await typeInto(container, 'address-district-input', '浦东新区')
    await typeInto(container, 'address-detail-input', OFFICE.detail)
    tap(container, 'address-save')

    expect((await screen.findByTestId('address-form-error')).textContent).toBe('收货地址已达上限（10 个），请先删除不用的地址')
    expect(await addressesOnServer(api, token)).toHaveLength(10)
  })
})
