// tsc compiles TypeScript only; the SQL migrations, the web app's stylesheet and
// script, and the patient form's stylesheet ship next to the compiled code that reads them.
import { cp } from 'node:fs/promises';

await cp('src/store/migrations', 'dist/src/store/migrations', { recursive: true });
await cp('src/web/assets', 'dist/src/web/assets', { recursive: true });
await cp('src/channels/form/assets', 'dist/src/channels/form/assets', { recursive: true });
