// H5 only: config/index.ts points '@tarojs/router' here. Taro's generated app entry evaluates every module of the
// first screen, creates the app and then mounts the router (createRouter: the page handler, the first route, the
// page's chunks and stylesheet links) in one task: the longest task of a cold load, and the one Lighthouse's total
// blocking time is made of. Mounting the router in a task of its own gives the browser a turn in between (to paint,
// or to answer a tap) and leaves two shorter tasks; nothing runs in between that needs the router.
import { createRouter as mountRouter } from '@tarojs/router/dist/index.js'

export * from '@tarojs/router/dist/index.js'

export function createRouter(history, app, config, framework) {
  setTimeout(() => mountRouter(history, app, config, framework), 0)
}
