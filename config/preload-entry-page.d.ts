import type { Compiler } from 'webpack'

/** See preload-entry-page.js: index.html preloads the entry page's chunks when the address is that page's. */
export class PreloadEntryPage {
  constructor(options: { page: string })
  apply(compiler: Compiler): void
}
