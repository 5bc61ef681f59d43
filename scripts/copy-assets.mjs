// tsc compiles TypeScript only; the SQL migrations, the web app's stylesheet and
// script, and the patient form's stylesheet ship next to the compiled code that reads them.
// Each folder is replaced, not merged: a migration renamed or removed in src must not linger in dist
// (the service applies every file it finds there).
import { cp, rm } from 'node:fs/promises';

for (const dir of ['src/store/migrations', 'src/web/assets', 'src/channels/form/assets']) {
  await rm(`dist/${dir}`, { recursive: true, force: true });
  await cp(dir, `dist/${dir}`, { recursive: true });
}
