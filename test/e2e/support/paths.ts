import path from 'node:path'

export const repoRoot = path.resolve(__dirname, '../../..')
export const distH5 = path.join(repoRoot, 'dist/h5')
export const screenshotsDir = path.join(repoRoot, 'test-results/screenshots')
