// The goals of issue #11 (scripts/lib/budgets.mjs GOALS) evaluated on the benchmarks' own reports
// (bench-results/*.json), one row per goal and page. Shared by each benchmark (its own part) and by
// `npm run bench` (all of them in one table). A goal whose figure could not be measured is `n/a`, never a pass.
import { GOALS } from './budgets.mjs'
import { kb } from './weapp.mjs'

const row = (goal, subject, measured, limit, pass) => ({
  goal,
  subject,
  measured,
  limit,
  verdict: pass === null ? 'n/a' : pass ? 'pass' : 'FAIL',
})
const fmt = (value, digits = 0) => (value === null || value === undefined ? '-' : Number(value).toFixed(digits))

/** bench-results/size.json */
export function sizeGoals(size) {
  const rows = []
  const floor = size?.floor
  const app = size?.app
  const mainRatio = app && floor ? app.weapp.mainBytes / floor.weapp.mainBytes : null
  rows.push(
    row(
      `weapp main package ≤ ${GOALS.weappMainRatio}x empty app`,
      'main package',
      mainRatio === null ? '-' : `${fmt(mainRatio, 2)}x (${kb(app.weapp.mainBytes)} / ${kb(floor.weapp.mainBytes)})`,
      `${GOALS.weappMainRatio}x`,
      mainRatio === null ? null : mainRatio <= GOALS.weappMainRatio,
    ),
  )
  for (const sub of app?.weapp.subPackages ?? [])
    rows.push(
      row(
        `weapp subpackage ≤ ${kb(GOALS.weappSubPackageBytes)}`,
        sub.root,
        kb(sub.bytes),
        kb(GOALS.weappSubPackageBytes),
        sub.bytes <= GOALS.weappSubPackageBytes,
      ),
    )
  const h5Ratio = app && floor ? app.h5.firstScreen.gzip / floor.h5.firstScreen.gzip : null
  rows.push(
    row(
      `H5 first-screen JS ≤ ${GOALS.h5FirstScreenGzipRatio}x empty app (gzip)`,
      app?.h5.firstScreen.entryPage ?? 'first screen',
      h5Ratio === null
        ? '-'
        : `${fmt(h5Ratio, 2)}x (${kb(app.h5.firstScreen.gzip)} / ${kb(floor.h5.firstScreen.gzip)})`,
      `${GOALS.h5FirstScreenGzipRatio}x`,
      h5Ratio === null ? null : h5Ratio <= GOALS.h5FirstScreenGzipRatio,
    ),
  )
  return rows
}

/** bench-results/lighthouse.json (or the same shape in memory): medians of the same run. */
export function lighthouseGoals(lighthouse) {
  const rows = []
  const floor = lighthouse?.floor?.median ?? null
  for (const target of lighthouse?.app ?? []) {
    const m = target.median
    const score = m?.performance ?? null
    const floorScore = floor?.performance ?? null
    rows.push(
      row(
        `Lighthouse score ≥ empty app − ${GOALS.lighthouseScoreBelowFloor}`,
        target.page,
        score === null ? '-' : `${fmt(score)} (empty ${fmt(floorScore)})`,
        floorScore === null ? '-' : `≥ ${floorScore - GOALS.lighthouseScoreBelowFloor}`,
        score === null || floorScore === null ? null : score >= floorScore - GOALS.lighthouseScoreBelowFloor,
      ),
    )
    const tbt = m?.tbtMs ?? null
    const floorTbt = floor?.tbtMs ?? null
    rows.push(
      row(
        `TBT ≤ ${GOALS.lighthouseTbtRatio}x empty app`,
        target.page,
        tbt === null ? '-' : `${fmt(tbt)} ms (empty ${fmt(floorTbt)} ms)`,
        floorTbt === null ? '-' : `≤ ${fmt(floorTbt * GOALS.lighthouseTbtRatio)} ms`,
        tbt === null || floorTbt === null ? null : tbt <= floorTbt * GOALS.lighthouseTbtRatio,
      ),
    )
    const cls = m?.cls ?? null
    rows.push(
      row(
        `CLS ≤ ${GOALS.lighthouseCls}`,
        target.page,
        fmt(cls, 3),
        `${GOALS.lighthouseCls}`,
        cls === null ? null : cls <= GOALS.lighthouseCls,
      ),
    )
  }
  const a11y = [
    ...(lighthouse?.app ?? []).map((target) => ({ page: target.page, score: target.median?.accessibility ?? null })),
    ...(lighthouse?.a11yOnly ?? []).map((a) => ({ page: a.page, score: a.accessibility })),
  ]
  for (const { page, score } of a11y)
    rows.push(
      row(
        `Lighthouse accessibility ≥ ${GOALS.accessibilityScore}`,
        page,
        fmt(score),
        `${GOALS.accessibilityScore}`,
        score === null ? null : score >= GOALS.accessibilityScore,
      ),
    )
  return rows
}

/** bench-results/render.json */
export function renderGoals(render) {
  const feed = (render?.results ?? []).find((r) => String(r.page).startsWith('/pages/community/index'))
  const nodes = feed?.maxDomNodes ?? null
  return [
    row(
      `feed ≤ ${GOALS.feedMaxDomNodes} DOM nodes at ${render?.posts ?? '?'} posts`,
      'pages/community/index scrolled to the end',
      fmt(nodes),
      `${GOALS.feedMaxDomNodes}`,
      nodes === null ? null : nodes <= GOALS.feedMaxDomNodes,
    ),
  ]
}

export function goalTable(rows) {
  const headers = ['goal', 'page / package', 'measured', 'limit', 'result']
  const cells = [headers, ...rows.map((r) => [r.goal, r.subject, r.measured, r.limit, r.verdict])].map((r) =>
    r.map(String),
  )
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)))
  const line = (r) =>
    r
      .map((c, i) => c + ' '.repeat(widths[i] - [...c].length))
      .join('  ')
      .trimEnd()
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}
