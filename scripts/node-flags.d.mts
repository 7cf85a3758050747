/** See node-flags.mjs. */
export declare const SERVER_FLAGS: readonly string[]
export declare const CLI_FLAGS: readonly string[]
export declare const CLI_ENV: { readonly MALLOC_ARENA_MAX: string }
