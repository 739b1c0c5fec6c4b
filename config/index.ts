import { createRequire } from 'node:module'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { earlyReadsScript } from './early-reads'
import { PreloadEntryPage } from './preload-entry-page'
import devConfig from './dev'
import prodConfig from './prod'

const MOCK_PORT = process.env.MOCK_PORT ?? '9527'
// Where the build goes: dist/h5 or dist/weapp (the production builds the size gates and tests check), or another
// folder for a second build beside it (scripts/build-preview.mjs writes the builds with the preview console to
// dist/h5-preview and dist/weapp-preview).
const OUTPUT_ROOT = process.env.OUTPUT_ROOT ?? (process.env.TARO_ENV === 'h5' ? 'dist/h5' : 'dist/weapp')

// @tanstack/query-core ships ES2022 `#private` fields: Taro's H5 terser settings quote them into a
// syntax error (blank page) and old iOS JavaScriptCore cannot run them in the mini-program either.
// valibot ships modern syntax too, so both go through babel, for the platform's browsers (babel.config.js).
const compileModernPackages = {
  include: [(modulePath: string) => modulePath.includes('@tanstack') || modulePath.includes('valibot')],
}
// The mini-program ships ES5: project.config.json says `es6: false` (WeChat DevTools uploads the files as they
// are) and browserslist reaches iOS 8. zustand's persist middleware (object spread, arrow functions) and
// qrcode-generator (const/let) ship ES2015+, so on weapp they go through babel too; `npm run check:weapp`
// parses every built file as ES5 and names the file and line of anything newer. On H5 their ES2015 is within the
// browsers it ships for (H5_BROWSERS in babel.config.js), and `npm run check:h5` parses every script at ES2021.
const MINI_ES5_PACKAGES = ['@tanstack', 'valibot', '/zustand/', '/qrcode-generator/']
const compileForMini = {
  include: [(modulePath: string) => MINI_ES5_PACKAGES.some((name) => modulePath.includes(name))],
}

const MINI_TERSER = {
  compress: {
    collapse_vars: true,
    comparisons: true,
    computed_props: true,
    hoist_props: true,
    inline: true,
    loops: true,
    negate_iife: true,
    properties: true,
    reduce_funcs: true,
    reduce_vars: true,
    switches: true,
  },
  output: { ascii_only: false },
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fanloop',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: OUTPUT_ROOT,
    // aria-* attributes on the mini-program (Taro's weapp templates drop them otherwise).
    plugins: [path.resolve(__dirname, 'weapp-aria-plugin.js')],
    // Taro only forwards TARO_APP_* from .env files; this also takes it from the shell (README).
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      // The operator's preview console (src/features/preview) is in non-production builds only: `npm start` and
      // `npm run dev:*` (NODE_ENV development), or a build made with NODE_ENV=development. webpack's production
      // mode pins process.env.NODE_ENV inside the bundle, so the decision is taken here, where it is still known.
      'process.env.TARO_APP_PREVIEW': JSON.stringify(
        process.env.TARO_APP_PREVIEW ?? (process.env.NODE_ENV === 'production' ? 'off' : 'on'),
      ),
      'process.env.TARO_APP_H5_ORIGIN': JSON.stringify(process.env.TARO_APP_H5_ORIGIN ?? ''),
    },
    // H5 only: the favicon linked from src/index.html (the mini-program has no use for it).
    copy: {
      patterns:
        process.env.TARO_ENV === 'h5' ? [{ from: 'src/assets/favicon.png', to: `${OUTPUT_ROOT}/favicon.png` }] : [],
      options: {},
    },
    // Mini-program only: WeChat cannot recurse templates, so base.wxml repeats every template once per level of
    // nesting, and deeper subtrees go to Taro's recursive `comp` component. 16 levels (Taro's default) cost 69 KB of
    // the main package; 8 cost 43 KB, and only the task center nests deeper (test/weapp/deep-tree.test.ts).
    baseLevel: 8,
    framework: 'react',
    compiler: 'webpack5',
    // Webpack's persistent cache (node_modules/.cache/webpack), on H5 only: the H5 build with the preview console
    // reuses what the production build compiled a moment before (npm test: build:h5-preview 52 -> 20 s), and a
    // second `npm test` rebuilds dist/h5 in ~8 s. Checked: both folders come out byte for byte as cold builds.
    // Not on the mini-program: Taro's sub-common chunks came out of a warm build:weapp-preview calling a module id
    // that only dist/weapp defines (a subpackage that would not start), so weapp builds stay cold.
    cache: {
      enable: process.env.TARO_ENV === 'h5',
      buildDependencies: {
        // What else decides the output besides this file and src/app.config.ts (Taro's own build dependencies);
        // a folder must end with a slash.
        project: [
          ...['babel.config.js', 'tsconfig.json', 'package.json'].map((file) => path.resolve(__dirname, '..', file)),
          `${__dirname}/`,
        ],
      },
    },
    // Taro's H5 default quotes every object key (for ES3 browsers, which cannot run WeChat): that
    // costs bytes all over the first-screen JS and is what breaks `#private` fields.
    // On the mini-program Taro turns most of terser's compression off and escapes every non-ASCII character
    // (each Chinese character of the UI text becomes a 6-byte \uXXXX instead of 3 bytes of UTF-8). WeChat reads
    // UTF-8 sources, and these are terser's own defaults: together 25 KB less main package (545 -> 520 KB).
    // `typeofs` stays off (its rewrite of typeof checks is the one terser marks unsafe for old engines).
    terser: {
      enable: true,
      config: process.env.TARO_ENV === 'h5' ? { output: { quote_keys: false } } : MINI_TERSER,
    },
    mini: {
      compile: compileForMini,
      // Keeps code used only by subpackages out of the main package (WeChat's 2 MB cap).
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain, webpack) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // WeChat has no AbortController and TanStack Query v5 constructs one for every query:
        // give every bare reference in the bundle the ponyfill, without touching globals. Our own
        // (src/lib/abort-controller.ts, what TanStack Query uses of it) rather than abortcontroller-polyfill's, which
        // emulates EventTarget and fetch besides:
        // 5.2 KB less main package (measured: 519.4 -> 514.2 KB).
        const abortController = path.resolve(__dirname, '../src/lib/abort-controller.ts')
        chain
          .plugin('abort-controller')
          .use(webpack.ProvidePlugin, [
            { AbortController: [abortController, 'AbortController'], AbortSignal: [abortController, 'AbortSignal'] },
          ])
      },
    },
    h5: {
      // Taro's React components as plain DOM (@tarojs/components-react: <View> is a <div>) instead of Stencil web
      // components, which upgrade every <taro-view-core> on the main thread: Lighthouse's total blocking time on
      // home went from 1.9x to 1.35x the empty app in one interleaved run, and the first screen is 1.7 KB gzip lighter.
      // Components it does not have (Textarea, Canvas, Radio...) still come from Stencil. Inputs are plain <input>s,
      // and images put their text alternative on the inner <img> (src/components/labeled-image.tsx).
      useHtmlComponents: true,
      compile: compileModernPackages,
      // index.html starts a visitor's first reads of the tab it opens (config/early-reads.ts).
      htmlPluginOption: { earlyReads: earlyReadsScript(process.env.TARO_APP_API_BASE || '/api/v1') },
      // Images (the tab bar icons) load as files, not base64 inside the first-screen JS (8 icons, ~6 KB gzip).
      // Not `limit: 0`: Taro reads 0 as "unset" and inlines everything under its 10 KB default.
      imageUrlLoaderOption: { limit: 1 },
      router: { mode: 'browser' },
      // Loopback only; /api goes to the mock server (npm run mock) so the app uses same-origin URLs.
      devServer: {
        host: '127.0.0.1',
        port: Number(process.env.H5_PORT ?? 10086),
        historyApiFallback: true,
        proxy: [{ context: ['/api'], target: `http://127.0.0.1:${MOCK_PORT}` }],
      },
      publicPath: '/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // A tab page opened directly (home also at /) downloads its chunks beside app.js instead of after it.
        // The tabs of src/app.config.ts, home first.
        if (process.env.NODE_ENV !== 'development') {
          const tabs = ['pages/home/index', 'pages/community/index', 'pages/mall/index', 'pages/me/index']
          chain.plugin('preload-entry-page').use(PreloadEntryPage, [{ pages: tabs }])
          // Taro injects its own components' stylesheets (~22 KB raw) from JavaScript (style-loader): the rules are
          // strings in the first-screen JS, and making them <style> tags runs inside the one long task that evaluates
          // app.js, the task Lighthouse's blocking time is made of. Extract them into app.css with ours instead, first
          // and in the order Taro injects them (runtime, global, then the HTML components; each prepend goes in front,
          // so the list is backwards), so our rules still come after them and win at equal specificity, as when Taro
          // put its <style> tags at the top of <head>. First-screen JS 145.2 -> 136.3 KB gzip, CSS 2.9 -> 9.4 KB gzip;
          // the app.js task 135-169 -> 111-160 ms in Lighthouse's simulation. check:h5 holds both parts.
          // The loader of the mini-css-extract-plugin Taro registers (a loader from another copy would find no plugin).
          const taroRunner = createRequire(require.resolve('@tarojs/webpack5-runner'))
          const extractCssLoader: string = taroRunner('mini-css-extract-plugin').loader
          chain.module.rule('taroStyle').uses.clear().end().use('extract').loader(extractCssLoader)
          for (const stylesheet of [
            '@tarojs/components-react/dist/index.css',
            '@tarojs/components/global.css',
            '@tarojs/components/dist/taro-components/taro-components.css',
          ]) {
            chain.entry('app').prepend(stylesheet)
          }
        }
        // Taro's H5 request imports a fetch polyfill and a JSONP client. Every browser that can run
        // current WeChat (iOS 12+, Android 7+) has fetch, and this app never uses JSONP: keep both
        // out of the first-screen JS (about 10 KB gzip).
        // Its AbortController polyfill goes too (2.6 KB gzip): those browsers have AbortController (iOS 11.1+);
        // on iOS 12.0-12.1 a fetch then cannot be aborted, and the transport's own timer still answers a timeout.
        const emptyModule = path.resolve(process.cwd(), 'config/empty-module.js')
        chain.resolve.alias.set('@tarojs/router$', path.resolve(__dirname, 'yielding-router.js'))
        chain.resolve.alias
          .set('whatwg-fetch$', emptyModule)
          .set('jsonp-retry$', emptyModule)
          .set('abortcontroller-polyfill/dist/abortcontroller-polyfill-only$', emptyModule)
        // Taro splits only initial chunks on H5, so every lazily loaded page chunk carried its own
        // copy of the shared components and Taro's H5 components. Share them, one chunk per set of
        // pages that needs them (no fixed name), so the first screen loads only what home uses. Below 30 KB a
        // shared module set is copied into each page instead: with 33 pages, 10 KB split what home shares with the
        // levels page into a chunk of its own, one more request and 0.7 KB more gzip on the first screen
        // (measured: 10 KB 170.8, 20 KB 169.8, 30 KB 169.7 KB gzip).
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              sharedByPages: { chunks: 'async', minChunks: 2, minSize: 30_000, priority: 5, reuseExistingChunk: true },
            },
          },
        })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
