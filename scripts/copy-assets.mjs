// tsc compiles TypeScript only; the SQL migrations and the web app's stylesheet and
// script ship next to the compiled code that reads them.
import { cp } from 'node:fs/promises';

await cp('src/store/migrations', 'dist/src/store/migrations', { recursive: true });
await cp('src/web/assets', 'dist/src/web/assets', { recursive: true });
