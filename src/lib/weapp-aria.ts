// H5: the browser reads aria-* and role as they are; only the mini-program needs weapp-aria.weapp.ts.
export {}
