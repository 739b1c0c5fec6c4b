// H5 only. Taro's router imports each page lazily: the page's chunks (its JS and CSS) are requested only after
// app.js has downloaded and run, one more round trip before anything is painted on a phone's network.
// This adds to index.html a few bytes of script that, when the address is one of the given pages' (the first
// page also at `/`), asks for that page's chunks at once as preloads, so they download beside app.js. Any other
// address loads as before, and a page never pays for another's chunks. Nothing else changes: webpack still loads
// the same files by the same names when the router asks, and finds them in the cache.
const { Compilation } = require('webpack')

class PreloadEntryPage {
  /** @param {{ pages: string[] }} options pages to preload when opened directly; the first is also `/` */
  constructor({ pages }) {
    this.pages = pages
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PreloadEntryPage', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After html-webpack-plugin wrote index.html (it emits at the OPTIMIZE_INLINE stage).
        { name: 'PreloadEntryPage', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const html = compilation.getAsset('index.html')
          if (!html) return
          const publicPath = compilation.outputOptions.publicPath || '/'
          /** @type {Record<string, string[]>} address -> files to preload */
          const byPath = {}
          for (const [index, page] of this.pages.entries()) {
            const files = this.pageFiles(compilation, page)
            if (files.length === 0) {
              compilation.errors.push(new Error(`PreloadEntryPage: no lazily loaded chunk found for ${page}`))
              return
            }
            byPath[`/${page}`] = files.map((file) => `${publicPath}${file}`)
            if (index === 0) byPath['/'] = byPath[`/${page}`]
          }
          const script =
            `<script>!function(d,m){(m[location.pathname]||[]).forEach(function(h){var l=d.createElement("link");` +
            `l.rel="preload";l.as=/\\.css$/.test(h)?"style":"script";l.href=h;d.head.appendChild(l)})}` +
            `(document,${JSON.stringify(byPath)})</script>`
          // Before the first external script or stylesheet: an inline script placed after a stylesheet waits for it.
          const source = html.source.source().toString()
          const at = source.search(/<script\b[^>]*\bsrc=|<link\b[^>]*rel=["']?stylesheet/)
          const end = source.indexOf('</head>')
          const insertAt = at >= 0 && (end < 0 || at < end) ? at : end
          if (insertAt < 0) return
          compilation.updateAsset(
            'index.html',
            new compiler.webpack.sources.RawSource(source.slice(0, insertAt) + script + source.slice(insertAt)),
          )
        },
      )
    })
  }

  /** JS and CSS files of the chunk group webpack made for `import('./<page>')`, in load order. */
  pageFiles(compilation, page) {
    const wanted = page.replace(/^\//, '')
    for (const group of compilation.chunkGroups) {
      if (group.isInitial()) continue
      const fromPage = group.origins.some((origin) => (origin.request || '').replace(/^\.\//, '').startsWith(wanted))
      if (!fromPage) continue
      return group.chunks.flatMap((chunk) => [...chunk.files].filter((file) => /\.(js|css)$/.test(file)))
    }
    return []
  }
}

module.exports = { PreloadEntryPage }
