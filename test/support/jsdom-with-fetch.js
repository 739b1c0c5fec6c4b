// jsdom hides Node's fetch primitives; Taro's H5 request() is built on fetch, and the in-process
// mock API speaks Request/Response, so hand them through.
const { TestEnvironment } = require('jest-environment-jsdom')

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    for (const name of [
      'fetch',
      'Request',
      'Response',
      'Headers',
      'FormData',
      'Blob',
      'ReadableStream',
      'TextEncoder',
      'TextDecoder',
      'structuredClone',
    ]) {
      if (globalThis[name]) this.global[name] = globalThis[name]
    }
    // The in-process server's embedded PostgreSQL, loaded outside the sandbox (see pglite-outside-jest.js).
    const shared = require('./shared-pglite')
    this.global.__FANLOOP_PGLITE__ = shared.pglite
    this.global.__FANLOOP_SHARED_PGLITE__ = shared.sharedEngine
    this.global.__FANLOOP_SEED_TEMPLATES__ = shared.seedTemplates
    this.global.__FANLOOP_SPARE_SCHEMAS__ = shared.spareSchemas
    nameCustomElements(this.global.customElements)
  }
}

/**
 * Taro's components are Stencil custom elements (<taro-view-core>) whose classes have no name, and pretty-format
 * prints an element as markup only when its class has one. Otherwise a failed `expect(element)` printed the
 * element as an object: its React fiber and, through it, the whole app, up to ten levels deep. Inside a waitFor
 * that fails until the screen changes, that took seconds per test (a third of a 4.8 s component test).
 */
function nameCustomElements(registry) {
  const define = registry.define.bind(registry)
  registry.define = (tag, constructor, options) => {
    if (!constructor.name) {
      const name = tag.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase())
      Object.defineProperty(constructor, 'name', { value: name })
    }
    return define(tag, constructor, options)
  }
}

module.exports = JsdomWithFetch
