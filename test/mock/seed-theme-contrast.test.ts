// The seeded brand theme is what every page paints with (PageShell turns it into CSS variables): its text
// colours must meet WCAG AA (4.5:1) on the surfaces they are drawn on, or every page fails the audit at once.
import { seedConfig } from '../../mock/seed/config'

/** WCAG 2 relative luminance of #RRGGBB. */
function luminance(hex: string): number {
  const linear = (at: number) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5)
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

test('contrast() agrees with the WCAG reference values', () => {
  expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5)
  expect(contrast('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2)
  // The colours the seed had before issue #11: below AA.
  expect(contrast('#E8503A', '#FFFFFF')).toBeLessThan(4.5)
  expect(contrast('#8A8A99', '#F6F6F8')).toBeLessThan(4.5)
  // The accent before the gradient banners were measured: white on it reads at 2:1.
  expect(contrast('#FFFFFF', '#F5A623')).toBeLessThan(4.5)
})

const { theme } = seedConfig()
const pairs: [string, keyof typeof theme, keyof typeof theme][] = [
  ['body text on the page', 'textColor', 'backgroundColor'],
  ['body text on a card', 'textColor', 'surfaceColor'],
  ['muted text on the page', 'mutedTextColor', 'backgroundColor'],
  ['muted text on a card', 'mutedTextColor', 'surfaceColor'],
  ['brand-coloured text (prices, links) on the page', 'primaryColor', 'backgroundColor'],
  ['brand-coloured text on a card', 'primaryColor', 'surfaceColor'],
  ['text on a brand-coloured button or chip', 'primaryTextColor', 'primaryColor'],
  ['text on the brand gradient (primary to accent) and on accent chips', 'primaryTextColor', 'accentColor'],
  ['error text on a card', 'dangerColor', 'surfaceColor'],
]

test.each(pairs)('%s meets WCAG AA (4.5:1)', (_, foreground, background) => {
  expect(contrast(theme[foreground], theme[background])).toBeGreaterThanOrEqual(4.5)
})
