// The verdicts `npm run bench` prints (scripts/lib/goals.mjs): a figure past its limit is FAIL, one at the limit
// passes, and one that could not be measured is n/a, never a pass.
import { lighthouseGoals, renderGoals, sizeGoals } from '../../scripts/lib/goals.mjs'

const verdicts = (rows: { goal: string; subject: string; verdict: string }[]) =>
  Object.fromEntries(rows.map((r) => [`${r.goal} | ${r.subject}`, r.verdict]))

const sizeReport = (mainBytes: number, gzip: number, subBytes: number) => ({
  floor: { weapp: { mainBytes: 400_000 }, h5: { firstScreen: { gzip: 100_000 } } },
  app: {
    weapp: { mainBytes, subPackages: [{ root: 'packages/mall', bytes: subBytes }] },
    h5: { firstScreen: { gzip, entryPage: 'pages/home/index' } },
  },
})

test('size: at the ratio passes, past it fails; a subpackage over 1.5 MB fails', () => {
  expect(verdicts(sizeGoals(sizeReport(520_000, 130_000, 1_500_000)))).toEqual({
    'weapp main package ≤ 1.3x empty app | main package': 'pass',
    'weapp subpackage ≤ 1500.0 KB | packages/mall': 'pass',
    'H5 first-screen JS ≤ 1.3x empty app (gzip) | pages/home/index': 'pass',
  })
  expect(verdicts(sizeGoals(sizeReport(520_001, 130_001, 1_500_001)))).toEqual({
    'weapp main package ≤ 1.3x empty app | main package': 'FAIL',
    'weapp subpackage ≤ 1500.0 KB | packages/mall': 'FAIL',
    'H5 first-screen JS ≤ 1.3x empty app (gzip) | pages/home/index': 'FAIL',
  })
})

test('size: no report gives n/a, not pass', () => {
  expect(sizeGoals(null).map((r) => r.verdict)).toEqual(['n/a', 'n/a'])
})

test('Lighthouse: score, TBT, CLS and accessibility against the empty app of the same run', () => {
  const floor = { median: { performance: 90, tbtMs: 200, cls: 0, accessibility: 100 } }
  const rows = lighthouseGoals({
    floor,
    app: [
      { page: 'pages/home/index', median: { performance: 87, tbtMs: 300, cls: 0.05, accessibility: 95 } },
      { page: 'pages/mall/index', median: { performance: 86, tbtMs: 301, cls: 0.051, accessibility: 94 } },
    ],
    a11yOnly: [{ page: 'pages/me/index', accessibility: null }],
  })
  expect(verdicts(rows)).toEqual({
    'Lighthouse score ≥ empty app − 3 | pages/home/index': 'pass',
    'TBT ≤ 1.5x empty app | pages/home/index': 'pass',
    'CLS ≤ 0.05 | pages/home/index': 'pass',
    'Lighthouse score ≥ empty app − 3 | pages/mall/index': 'FAIL',
    'TBT ≤ 1.5x empty app | pages/mall/index': 'FAIL',
    'CLS ≤ 0.05 | pages/mall/index': 'FAIL',
    'Lighthouse accessibility ≥ 95 | pages/home/index': 'pass',
    'Lighthouse accessibility ≥ 95 | pages/mall/index': 'FAIL',
    'Lighthouse accessibility ≥ 95 | pages/me/index': 'n/a',
  })
})

test('rendering: the feed at 600 elements passes, at 601 fails, unmeasured is n/a', () => {
  const feed = (maxDomNodes: number) => ({ posts: 5000, results: [{ page: '/pages/community/index', maxDomNodes }] })
  expect(renderGoals(feed(600))[0]?.verdict).toBe('pass')
  expect(renderGoals(feed(601))[0]?.verdict).toBe('FAIL')
  expect(renderGoals(null)[0]?.verdict).toBe('n/a')
})
