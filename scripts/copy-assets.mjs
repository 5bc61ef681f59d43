// tsc compiles TypeScript only; the SQL migrations ship next to the compiled store.
import { cp } from 'node:fs/promises';

await cp('src/store/migrations', 'dist/src/store/migrations', { recursive: true });
