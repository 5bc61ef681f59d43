// Run by `npm ci` (through `prepare`) after the build: makes the embedded database's
// prepared image (src/store/database-image.ts) so even the first `npm start` skips
// initdb. A failure here does not fail the install: the first start then makes it.
import { prepareDatabaseImage } from '../dist/src/store/database.js';

try {
  const started = performance.now();
  const done = await prepareDatabaseImage();
  if (done === 'made') console.log(`embedded database image made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.warn(`could not make the embedded database image (the first start will): ${error instanceof Error ? error.message : String(error)}`);
}
