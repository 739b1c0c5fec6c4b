// A size in the 750-wide design unit the stylesheets use, for H5 (and the default): the build turns stylesheet px
// into rem at 40 design units per rem, and Taro's H5 page sets the root font size from the screen width. The
// mini-program's version is design-units.weapp.ts (rpx).

/** A design size as a CSS length, the same way the build converts the stylesheets. */
export const designLength = (units: number): string => `${+(units / 40).toFixed(5)}rem`

/** How many screen pixels one design unit is on this device now. */
export function pixelsPerDesignUnit(): number {
  const rootFontSize = parseFloat(window.getComputedStyle(document.documentElement).fontSize)
  return rootFontSize > 0 ? rootFontSize / 40 : window.innerWidth / 750
}

/** The height of the visible page in screen pixels. */
export const viewportHeight = (): number => window.innerHeight
