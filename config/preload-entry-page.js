// H5 only. Taro's router imports each page lazily: the home page's chunks (its JS and CSS) are requested only
// after app.js has downloaded and run, one more round trip before anything is painted on a phone's network.
// This adds to index.html a few bytes of script that, when the address is the entry page's (`/` or its path),
// asks for those chunks at once as preloads, so they download beside app.js. Other addresses load as before
// (a deep link to the mall does not pay for home's chunks). Nothing else changes: webpack still loads the same
// files by the same names when the router asks, and finds them in the cache.
const { Compilation } = require('webpack')

class PreloadEntryPage {
  /** @param {{ page: string }} options the entry page, e.g. 'pages/home/index' */
  constructor({ page }) {
    this.page = page
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PreloadEntryPage', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After html-webpack-plugin wrote index.html (it emits at the OPTIMIZE_INLINE stage).
        { name: 'PreloadEntryPage', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const html = compilation.getAsset('index.html')
          if (!html) return
          const files = this.entryPageFiles(compilation)
          if (files.length === 0) {
            compilation.errors.push(new Error(`PreloadEntryPage: no lazily loaded chunk found for ${this.page}`))
            return
          }
          const publicPath = compilation.outputOptions.publicPath || '/'
          const hrefs = files.map((file) => `${publicPath}${file}`)
          const paths = ['/', `/${this.page}`]
          const script =
            `<script>!function(d,p){if(${JSON.stringify(paths)}.indexOf(p)<0)return;` +
            `${JSON.stringify(hrefs)}.forEach(function(h){var l=d.createElement("link");l.rel="preload";` +
            `l.as=/\\.css$/.test(h)?"style":"script";l.href=h;d.head.appendChild(l)})}(document,location.pathname)</script>`
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
  entryPageFiles(compilation) {
    const wanted = this.page.replace(/^\//, '')
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
