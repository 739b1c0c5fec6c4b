import { screen, waitFor } from '@testing-library/react'
import { MemberSummary } from '@/features/account/components/member-summary'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { renderWithApp } from '../../../support/render-app'

describe('MemberSummary', () => {
  test('a visitor is invited to sign in and nothing private is requested', () => {
    const api = installInProcessApi()
    renderWithApp(<MemberSummary />)
    expect(screen.getByTestId('sign-in-prompt')).toBeTruthy()
    expect(api.sent.filter((call) => call.path.endsWith('/me'))).toHaveLength(0)
  })

  test('a member sees level name from the config and a balance equal to the server', async () => {
    const api = installInProcessApi()
    const { token, member } = await api.signInPersona('points-expiring')
    useSession.getState().signedIn(token)
    renderWithApp(<MemberSummary />)
    const balance = await screen.findByTestId('points-balance')
    expect(balance.textContent?.replace(/,/g, '')).toBe(String(member.pointsBalance))
  })

  test("the card shows the member's avatar, or the nickname's first character while there is none", async () => {
    const api = installInProcessApi()
    const withAvatar = await api.signInPersona('points-expiring')
    expect(withAvatar.member.avatarUrl).not.toBe('')
    useSession.getState().signedIn(withAvatar.token)
    const first = renderWithApp(<MemberSummary />)
    await screen.findByTestId('points-balance')
    const card = screen.getByTestId('member-card')
    expect(card.querySelector('[src]')?.getAttribute('src')).toBe(withAvatar.member.avatarUrl)
    first.unmount()

    const without = await api.signInPersona('new-member')
    expect(without.member.avatarUrl).toBe('')
    useSession.getState().signedIn(without.token)
    renderWithApp(<MemberSummary />)
    await screen.findByTestId('points-balance')
    const avatar = screen.getByTestId('member-card').querySelector('.member-card__avatar')
    expect(avatar?.querySelector('[src]')).toBeNull()
    expect(avatar?.textContent).toBe(String(without.member.nickname).slice(0, 1))
  })

  test('a nickname that starts with an emoji shows the whole emoji in the avatar’s place, not half of it (�)', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    expect((await api.call('PATCH', '/me', { token, body: { nickname: '🌸小雨' } })).status).toBe(200)
    useSession.getState().signedIn(token)
    renderWithApp(<MemberSummary />)
    await screen.findByTestId('points-balance')
    expect(screen.getByTestId('member-card').querySelector('.member-card__avatar')?.textContent).toBe('🌸')
  })

  test('an expired session (401) goes to the one sign-in handler', async () => {
    installInProcessApi()
    useSession.getState().signedIn('expired-token-0000000000000000')
    const onUnauthorized = jest.fn()
    renderWithApp(<MemberSummary />, { onUnauthorized })
    await waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1))
  })
})
