import type { ComponentType } from 'react'

/**
 * The preview console is in non-production builds only (config/index.ts decides TARO_APP_PREVIEW). In a
 * production build this is the constant `null`, and the bundler drops the `require` in the dead branch with
 * everything the console uses: check:h5 and check:weapp look for its marker in the built files. Tests render
 * the console directly (on every page it would crowd each page test).
 */
export const PreviewConsoleEntry: ComponentType | null =
  process.env.TARO_APP_PREVIEW === 'on'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would ship it in production
      (require('./components/preview-console') as typeof import('./components/preview-console')).PreviewConsole
    : null
