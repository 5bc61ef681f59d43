import type { AppDeps } from '../deps.js';

/** What every API route plugin is registered with (a leaf, so routes need not import the API's index). */
export interface ApiOptions {
  deps: AppDeps;
}
