// Every size budget of the project, in one place (the units of taro-notes: 1 KB = 1000 bytes).
import { KB, MB } from './weapp.mjs'

export const BUDGETS = {
  // WeChat refuses main packages over 2 MB; 600 KB keeps the first download fast on a phone network.
  weappMainBytes: 600 * KB,
  weappSubPackageBytes: 2 * MB,
  weappTotalBytes: 20 * MB,
  // What a phone downloads before the home page shows, gzipped.
  h5FirstScreenGzipBytes: 170 * KB,
}
