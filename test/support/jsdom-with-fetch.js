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
  }
}

module.exports = JsdomWithFetch
