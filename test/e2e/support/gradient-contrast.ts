// Contrast of text drawn on a gradient. axe's color-contrast rule cannot tell which colour lies behind text on a
// background-image, so it marks that text "incomplete" and the audit passes: white on the brand banners read at 2:1
// with every journey green. This measures it instead: for each piece of text in the page in front whose background
// is a gradient, its colour against every stop of that gradient (the lightest stop decides), after the translucent
// layers between them (a white chip, a faded label) are laid over it as the browser paints them.
import type { Page } from 'playwright-core'

export type GradientText = {
  /** The text, trimmed to 40 characters. */
  text: string
  /** The class of the element that holds it. */
  where: string
  /** Its computed colour (and the opacity it is faded by, if any) and the background at each stop, as rgb(). */
  color: string
  stops: string[]
  /** The lowest contrast over the stops, and what WCAG AA asks of this text: 3 when large, else 4.5. */
  ratio: number
  needed: number
}

/** Every piece of text on a gradient in the page in front, with its lowest contrast against the gradient's stops. */
export async function textOnGradients(page: Page): Promise<GradientText[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number]
    const parse = (css: string): Rgba[] =>
      [...css.matchAll(/rgba?\(([^)]+)\)/g)].map((match) => {
        const [r = 0, g = 0, b = 0, a = 1] = match[1]!
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number)
        return [r, g, b, a]
      })
    /** `top` painted over the opaque `bottom`. */
    const over = ([r, g, b, a]: Rgba, bottom: Rgba): Rgba => [
      r * a + bottom[0] * (1 - a),
      g * a + bottom[1] * (1 - a),
      b * a + bottom[2] * (1 - a),
      1,
    ]
    const luminance = ([r, g, b]: Rgba) => {
      const linear = (channel: number) => {
        const c = channel / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }
    const contrast = (x: Rgba, y: Rgba) => {
      const [a, b] = [luminance(x), luminance(y)]
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
    }
    const css = ([r, g, b]: Rgba) => `rgb(${[r, g, b].map(Math.round).join(', ')})`
    /** The first opaque background colour from `element` up (white at the top), under a translucent stop. */
    const backdrop = (element: Element | null): Rgba => {
      for (let at = element; at; at = at.parentElement) {
        const [color] = parse(getComputedStyle(at).backgroundColor)
        if (color && color[3] === 1) return color
      }
      return [255, 255, 255, 1]
    }

    // Taro's H5 router keeps earlier pages in the DOM, hidden or slid aside: only what is on screen counts.
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect()
      return box.width > 0 && box.height > 0 && box.right > 0 && box.left < window.innerWidth
    }
    const found: {
      text: string
      where: string
      color: string
      stops: string[]
      ratio: number
      needed: number
    }[] = []
    for (const element of document.body.querySelectorAll('*')) {
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim()
      if (!text || !shown(element) || getComputedStyle(element).visibility !== 'visible') continue
      // Up to the nearest gradient: the translucent layers and the opacity between the text and it.
      const layers: Rgba[] = []
      let opacity = 1
      let gradient: Element | null = null
      for (let at: Element | null = element; at && !gradient; at = at.parentElement) {
        const style = getComputedStyle(at)
        if (style.backgroundImage.includes('gradient(')) {
          gradient = at
          break
        }
        const [fill] = parse(style.backgroundColor)
        if (fill && fill[3] === 1) break // an opaque background of its own: axe judges that text
        if (fill && fill[3] > 0) layers.unshift(fill)
        opacity *= Number(style.opacity)
      }
      if (!gradient) continue
      const style = getComputedStyle(element)
      const [own = [0, 0, 0, 1] as Rgba] = parse(style.color)
      const size = parseFloat(style.fontSize)
      // WCAG's large text: 18pt (24px), or 14pt (18.66px) bold.
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700)
      let ratio = Infinity
      const stops = parse(getComputedStyle(gradient).backgroundImage).map((stop) => {
        const under = layers.reduce(
          (bottom, layer) => over(layer, bottom),
          over(stop, backdrop(gradient.parentElement)),
        )
        ratio = Math.min(ratio, contrast(over([own[0], own[1], own[2], own[3] * opacity], under), under))
        return css(under)
      })
      found.push({
        text: text.slice(0, 40),
        where: String(element.getAttribute('class') ?? element.tagName),
        color: opacity < 1 ? `${css(own)} at opacity ${opacity}` : css(own),
        stops,
        ratio: Math.round(ratio * 100) / 100,
        needed: large ? 3 : 4.5,
      })
    }
    return found
  })
}

/** Throws with each piece of text on a gradient that falls under WCAG AA against one of its stops. */
export async function expectReadableOnGradients(page: Page, where: string): Promise<GradientText[]> {
  const all = await textOnGradients(page)
  const failing = all.filter((item) => item.ratio < item.needed)
  if (failing.length)
    throw new Error(
      `${where}: ${failing.length} text(s) on a gradient under WCAG AA:\n${failing
        .map(
          (item) =>
            `  "${item.text}" (${item.where}): ${item.ratio}:1, needs ${item.needed}:1 — ${item.color} on ${item.stops.join(' → ')}`,
        )
        .join('\n')}`,
    )
  return all
}
