/**
 * Seed images that need no file server: a soft two-tone tile as an SVG data URI, so the gift and
 * product pictures render the same in the simulator, in the browser and offline. Colours come
 * from the name, so each item keeps its own look across restarts.
 */
const PALETTES = [
  ['#fde6df', '#f08a6c'],
  ['#fff1d6', '#f5a623'],
  ['#e3f1ea', '#3fa37a'],
  ['#e4ecfb', '#5b7fd6'],
  ['#f3e6f7', '#a05bc4'],
  ['#fbe4ec', '#d6507e'],
] as const

export function placeholderImage(name: string): string {
  let hash = 0
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const [background, accent] = PALETTES[hash % PALETTES.length] ?? PALETTES[0]
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320">` +
    `<rect width="320" height="320" fill="${background}"/>` +
    `<circle cx="${110 + (hash % 100)}" cy="150" r="78" fill="${accent}" opacity="0.85"/>` +
    `<rect x="60" y="232" width="200" height="18" rx="9" fill="${accent}" opacity="0.35"/>` +
    `</svg>`
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
