// The node test environment plus PGlite loaded outside jest's sandbox (see pglite-outside-jest.js).
const { TestEnvironment } = require('jest-environment-node')

class NodeWithPglite extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    const shared = require('./shared-pglite')
    this.global.__FANLOOP_PGLITE__ = shared.pglite
    this.global.__FANLOOP_SHARED_PGLITE__ = shared.sharedEngine
    this.global.__FANLOOP_SEED_TEMPLATES__ = shared.seedTemplates
    this.global.__FANLOOP_SPARE_SCHEMAS__ = shared.spareSchemas
  }
}

module.exports = NodeWithPglite
