/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  // Extends Node's ProcessEnv, which only an interface can do.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID: string
    /** Base URL of the FanLoop API, e.g. https://api.brand.com/api/v1 (see README). */
    TARO_APP_API_BASE?: string
    /** 'on' in non-production builds (config/index.ts): the preview console is in the app. */
    TARO_APP_PREVIEW?: 'on' | 'off'
    /** Origin of the H5 app for links the mini-program shares (QR codes on its posters); see README. */
    TARO_APP_H5_ORIGIN?: string
  }
}
