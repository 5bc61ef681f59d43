/**
 * Where the form's stylesheet is on disk, for the route that serves it:
 * scripts/copy-assets.mjs ships src/channels/form/assets next to the compiled
 * code, so the same relative URL finds it under tsx and under dist/.
 */
export const FORM_STYLESHEET = { file: new URL('./assets/form.css', import.meta.url), type: 'text/css; charset=utf-8' } as const;

/** The pages' icon: without one, browsers ask for /favicon.ico on their own and log the 404 as an error. */
export const FORM_ICON = { file: new URL('./assets/icon.svg', import.meta.url), type: 'image/svg+xml' } as const;
