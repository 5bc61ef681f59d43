/** scripts/bundle.mjs, for the TypeScript that calls it (test/bundle.test.ts). */
export declare function bundleService(options?: { root?: string; entry?: string; outdir?: string }): Promise<string>;
