export * from './common'
export * from './member'
export * from './config'
export * from './catalog'
export * from './endpoints'
export * from './points'
export * from './membership'
// Not re-exported here: the community's writes (./community, ./community-endpoints) and the mall's subpages'
// contract (./mall, ./mall-endpoints) are imported by path, so the app's first screen, which imports this index,
// does not carry their schemas.
