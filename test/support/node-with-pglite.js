// The node test environment plus PGlite loaded outside jest's sandbox (see pglite-outside-jest.js).
const { TestEnvironment } = require('jest-environment-node')

class NodeWithPglite extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    this.global.__FANLOOP_PGLITE__ = require('@electric-sql/pglite')
  }
}

module.exports = NodeWithPglite
