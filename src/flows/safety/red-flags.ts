/** Red-flag detection; the implementation and phrase lists live in ./red-flags/. */
export * from './red-flags/index.js';
