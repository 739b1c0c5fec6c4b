import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

/**
 * zustand's persist storage over Taro's synchronous storage (localStorage on H5, wx storage on
 * the mini-program). Taro answers '' for a missing key, which persist must see as null.
 */
export const taroStorage: StateStorage = {
  getItem: (name) => {
    try {
      const value: unknown = Taro.getStorageSync(name)
      return typeof value === 'string' && value !== '' ? value : null
    } catch {
      return null
    }
  },
  setItem: (name, value) => {
    try {
      Taro.setStorageSync(name, value)
    } catch {
      // Storage full or unavailable: the app keeps working for this session.
    }
  },
  removeItem: (name) => {
    try {
      Taro.removeStorageSync(name)
    } catch {
      // Nothing to remove is fine.
    }
  },
}
