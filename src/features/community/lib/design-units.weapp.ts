import Taro from '@tarojs/taro'

// The mini-program's design unit is rpx: 750 of them across the screen (see design-units.ts for H5).

export const designLength = (units: number): string => `${units}rpx`

export const pixelsPerDesignUnit = (): number => Taro.getSystemInfoSync().windowWidth / 750

export const viewportHeight = (): number => Taro.getSystemInfoSync().windowHeight
