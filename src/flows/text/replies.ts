/** Reply parsers; the implementation lives in ./replies/. */
export * from './replies/index.js';
