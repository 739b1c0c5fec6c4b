// The whole contract, for the server, the OpenAPI document and the tests. The app imports `@/contract` (the
// landed tabs' part) and the community's pages import `./community` and `./community-endpoints` by path, so the
// first screen does not carry schemas only other pages use.
export * from './index'
export * from './community'
export * from './community-endpoints'
