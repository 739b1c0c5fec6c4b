import Taro from '@tarojs/taro'

/** WeChat's launch scene for a page opened from Moments (朋友圈), which runs in single-page mode. */
export const MOMENTS_SCENE = 1154

/**
 * Single-page mode: a shared page opened from Moments, with no login and no navigation; WeChat
 * shows its own "前往小程序" bar to open the full app. Never on H5.
 */
export function isSinglePageMode(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    return Taro.getLaunchOptionsSync().scene === MOMENTS_SCENE
  } catch {
    return false
  }
}
