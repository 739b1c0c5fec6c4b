import { JSDOM } from 'jsdom'
import { previewPageHtml } from '../../mock/preview/routes'

// The preview page's own script (mock/preview/page.html) in jsdom, its calls to the mock answered here: what it
// makes of its address parameters, and how it says a refused clock change. (test/e2e/preview-page.test.ts drives it
// in Chromium with the real app.)

type Answer = { status: number; body: unknown }

const ok: Answer = { status: 200, body: { now: '2027-02-01T09:00:00+08:00', today: '2027-02-01' } }

const PERSONAS = [
  { id: 'kol-distributor', memberId: 'm-kol', title: '达人分销员 Lina', description: '' },
  { id: 'kol-fan', memberId: 'm-fan', title: 'Lina 的粉丝', description: '' },
  { id: 'new-member', memberId: 'm-new', title: '新注册会员', description: '' },
]

const open = async (query: string, answerClock: (body: Record<string, unknown>) => Answer = () => ok) => {
  let clockReads = 0
  const answers: Record<string, () => Answer> = {
    'GET /api/v1/__mock/personas': () => ({ status: 200, body: { items: PERSONAS, nextCursor: null } }),
    'GET /api/v1/__mock/config-check': () => ({ status: 200, body: { findings: [] } }),
    'GET /api/v1/__mock/clock': () => {
      clockReads += 1
      return ok
    },
  }
  const dom = new JSDOM(previewPageHtml(), {
    url: `http://127.0.0.1:19710/__preview${query}`,
    runScripts: 'dangerously',
    beforeParse(window) {
      // jsdom has no fetch: the page's calls are answered from the table above.
      Object.assign(window, {
        fetch: async (url: string, init: { method?: string; body?: string } = {}) => {
          const method = init.method ?? 'GET'
          const answer =
            method === 'POST' && url.endsWith('/clock')
              ? answerClock(JSON.parse(init.body ?? '{}') as Record<string, unknown>)
              : (answers[`${method} ${url}`]?.() ?? { status: 404, body: null })
          return { ok: answer.status < 400, status: answer.status, json: async () => answer.body }
        },
      })
      // The page refreshes its clock every 30 s: not in a test.
      window.setInterval = (() => 0) as unknown as typeof window.setInterval
    },
  })
  const { document } = dom.window
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20))
  await settle()
  const status = () => document.getElementById('status')?.textContent ?? ''
  const frames = () => [...document.querySelectorAll('iframe')].map((frame) => frame.src)
  /** A message from the app in phone `index`, as preview-link.ts posts it to this page. */
  const fromPhone = async (index: number, data: Record<string, unknown>) => {
    const source = document.querySelectorAll('iframe')[index]?.contentWindow
    dom.window.dispatchEvent(
      new dom.window.MessageEvent('message', { data: { source: 'fanloop-preview', ...data }, source }),
    )
    await settle()
  }
  /** What each phone's header says it shows, and what its list has selected. */
  const marks = () =>
    [0, 1].map((index) => ({
      showing: document.querySelector(`[data-testid="showing-${index}"]`)?.textContent,
      selected: (document.querySelector(`[data-testid="persona-${index}"]`) as HTMLSelectElement | null)?.value,
    }))
  return { dom, document, settle, status, frames, fromPhone, marks, clockReads: () => clockReads }
}

describe('the preview page: its app address', () => {
  it.each([
    ['?app=127.0.0.1:19710', 'http://127.0.0.1:19710/', 'http://127.0.0.1:19711/'],
    ['?app=localhost:19710', 'http://localhost:19710/', 'http://localhost:19711/'],
    [
      '?app=http%3A%2F%2F127.0.0.1%3A19710%2F&appB=127.0.0.1:19720',
      'http://127.0.0.1:19710/',
      'http://127.0.0.1:19720/',
    ],
  ])('reads a host:port without a scheme as http: %s', async (query, first, second) => {
    const page = await open(query)
    expect(page.document.getElementById('time')?.textContent).toBe('2027-02-01 09:00')
    expect(page.frames().map((src) => src.replace(/\?.*/, ''))).toEqual([first, second])
    expect(page.status()).not.toMatch(/不是应用的地址/)
  })

  it.each(['?app=ftp://127.0.0.1:19710/', '?app=javascript:alert(1)', '?app=http://'])(
    'says what is wrong with an address that is not http(s), and uses the default: %s',
    async (query) => {
      const page = await open(query)
      expect(page.status()).toContain('不是应用的地址')
      expect(page.status()).toContain('http://127.0.0.1:10086/')
      expect(page.frames().map((src) => src.replace(/\?.*/, ''))).toEqual([
        'http://127.0.0.1:10086/',
        'http://127.0.0.1:10087/',
      ])
      expect(page.document.getElementById('time')?.textContent).toBe('2027-02-01 09:00')
    },
  )
})

describe('the preview page: a refused clock change, said in Chinese', () => {
  const refused: Answer = {
    status: 400,
    body: { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid.', details: { fields: {} } } },
  }

  it.each([
    ['2027-02-30', '没有这一天：2027-02-30'],
    ['2100-01-01', '2000-01-01 至 2099-12-31'],
  ])('跳到日期 %s', async (date, said) => {
    const sets: unknown[] = []
    const page = await open('', (body) => {
      sets.push(body.set)
      return refused
    })
    ;(page.document.getElementById('date') as HTMLInputElement).value = date
    page.document.getElementById('go-to-date')?.dispatchEvent(new page.dom.window.MouseEvent('click'))
    await page.settle()
    // The server decides; the page only says its refusal again.
    expect(sets).toEqual([`${date}T09:00:00+08:00`])
    expect(page.status()).toContain(said)
    expect(page.status()).not.toContain('The request is not valid.')
    expect(page.document.getElementById('status')?.className).toBe('problem')
  })

  it('a move past the window', async () => {
    const page = await open('', () => refused)
    page.document.querySelector('[data-advance-days="7"]')?.dispatchEvent(new page.dom.window.MouseEvent('click'))
    await page.settle()
    expect(page.status()).toContain('时钟只能在 2000-01-01 至 2099-12-31 之间')
  })
})

describe('the preview page: which persona each phone shows', () => {
  it('marks a phone by what the app in it answered, not by the last pick, and says a refused switch', async () => {
    const page = await open('')
    expect(page.marks()).toEqual([
      { showing: '正在载入…', selected: 'kol-distributor' },
      { showing: '正在载入…', selected: 'kol-fan' },
    ])
    // The app in each frame signs in as its ?previewAs= and says so.
    await page.fromPhone(0, { action: 'persona-applied', id: 'kol-distributor', ok: true })
    await page.fromPhone(1, { action: 'persona-applied', id: 'kol-fan', ok: true })
    expect(page.marks().map((mark) => mark.showing)).toEqual(['正在显示：达人分销员 Lina', '正在显示：Lina 的粉丝'])

    // Picked, not yet applied: the mark stays on who the phone is.
    const select = page.document.querySelector('[data-testid="persona-0"]') as HTMLSelectElement
    select.value = 'new-member'
    select.dispatchEvent(new page.dom.window.Event('change'))
    await page.settle()
    expect(page.marks()[0]).toEqual({ showing: '正在显示：达人分销员 Lina', selected: 'new-member' })
    // Refused: the list goes back to who the phone still is.
    await page.fromPhone(0, { action: 'persona-applied', id: 'new-member', ok: false, message: '服务器拒绝了' })
    expect(page.marks()[0]).toEqual({ showing: '正在显示：达人分销员 Lina', selected: 'kol-distributor' })
    expect(page.status()).toContain('未能切换为新注册会员')

    select.value = 'new-member'
    select.dispatchEvent(new page.dom.window.Event('change'))
    await page.fromPhone(0, { action: 'persona-applied', id: 'new-member', ok: true })
    expect(page.marks()[0]).toEqual({ showing: '正在显示：新注册会员', selected: 'new-member' })
    expect(page.status()).toBe('手机 A：已切换为新注册会员')
  })

  it('follows what the operator does in the console inside a phone: its persona, the time, the other phone', async () => {
    const page = await open('')
    const refreshes: unknown[] = []
    page.document.querySelectorAll('iframe')[1]?.contentWindow?.addEventListener('message', (event) => {
      refreshes.push(event.data)
    })
    await page.fromPhone(1, { action: 'changed', kind: 'persona', persona: 'new-member' })
    expect(page.marks()[1]).toEqual({ showing: '正在显示：新注册会员', selected: 'new-member' })
    expect(page.marks()[0]?.showing).toBe('正在载入…')

    const reads = page.clockReads()
    await page.fromPhone(0, { action: 'changed', kind: 'clock' })
    // The page's time is read again at once (not at its 30 s tick), and the other phone refreshes.
    expect(page.clockReads()).toBe(reads + 1)
    expect(refreshes).toContainEqual({ source: 'fanloop-preview', action: 'refresh' })

    await page.fromPhone(1, { action: 'changed', kind: 'visitor', persona: 'visitor' })
    expect(page.marks()[1]).toEqual({ showing: '正在显示：访客（未登录）', selected: 'visitor' })
  })
})
