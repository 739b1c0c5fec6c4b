import type { Compiler } from 'webpack'

/** See preload-entry-page.js: index.html preloads a page's chunks when the address is that page's. */
export class PreloadEntryPage {
  constructor(options: { pages: string[] })
  apply(compiler: Compiler): void
}
