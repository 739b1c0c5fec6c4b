// Types of the parts of h5.mjs that TypeScript tests use.
/** The JavaScript level H5 ships (the browsers of babel.config.js). */
export declare const H5_ECMA_VERSION: number
/** Every script of an H5 build that does not parse at `ecmaVersion`: `file:line:column is not ESn (...) near ...`. */
export declare function h5SyntaxProblems(distDir: string, ecmaVersion?: number): { count: number; problems: string[] }
/** How the first screen gets its styles: none injected by a script at run time, Taro's component rules before ours. */
export declare function h5StylesheetProblems(distDir: string): string[]
