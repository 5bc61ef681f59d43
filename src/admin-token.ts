/**
 * A way in from the first start: on the embedded database with no
 * ADMIN_TOKEN set, a token is made once, kept in DATA_DIR/admin-token (only
 * the owner may read it) and shown on that first start. A server deployment
 * sets ADMIN_TOKEN itself.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FirstToken {
  token: string;
  /** Made on this start: show it once. */
  created: boolean;
  file: string;
}

export async function embeddedAdminToken(dataDir: string): Promise<FirstToken> {
  const file = join(dataDir, 'admin-token');
  try {
    // A blocking read of a few bytes: at start nothing else runs here yet, and a read through the thread
    // pool waited 20-100 ms for a turn of an event loop busy loading the service.
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= 16) return { token, created: false, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = `ccm_admin_${randomBytes(24).toString('base64url')}`;
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return { token, created: true, file };
}
