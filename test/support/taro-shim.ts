// What `@tarojs/taro` is inside a real H5 build: the taro-h5 API object plus the React page and
// app lifecycle hooks, so components under test call the same Taro.request and hooks as in the app.
import * as h5 from '@tarojs/taro-h5'
import * as hooks from '@tarojs/plugin-framework-react/dist/runtime'

const taroH5 = (h5 as unknown as { default: Record<string, unknown> }).default
const Taro = Object.assign(taroH5, h5, hooks)

export default Taro
export * from '@tarojs/taro-h5'
export * from '@tarojs/plugin-framework-react/dist/runtime'
