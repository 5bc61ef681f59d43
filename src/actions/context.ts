/**
 * What every action runs with: the database (the pool, and the bulk lane for
 * imports), the one clock, the conversation runtime for the writes that start
 * or stop its work, and who is acting, for which request, since when. The API
 * and the web app each build one per request; nothing here knows HTTP.
 */
import type pg from 'pg';
import type { Clock } from '../clock.js';
import type { RuntimeDeps } from '../runtime.js';
import type { ApiKeyRole } from '../store/api-keys.js';
import type { BulkLane } from '../store/bulk.js';
import type { UserRole } from '../store/users.js';

/**
 * Who acts: the bootstrap admin token (every practice), a practice's API key,
 * or a staff member signed in to the web app.
 */
export type Staff =
  | { kind: 'admin_token' }
  | {
      kind: 'api_key';
      keyId: string;
      practiceId: string;
      role: ApiKeyRole;
      coordinatorId: string | null;
      /** How the record names who wrote with this key: its coordinator ("Linda Park, RN"), or the key by name. */
      label: string;
    }
  | { kind: 'user'; userId: string; practiceId: string; role: UserRole; staffId: string | null; name: string };

export interface ActionContext {
  db: { pool: pg.Pool; bulk: BulkLane };
  clock: Clock;
  /** The conversation runtime, for the writes that start or stop its work (a check-in, a call). */
  runtime: RuntimeDeps;
  actor: Staff;
  /** The request that asked, kept in the access log to tie a row to the service's log line. */
  requestId: string;
  /** When the request arrived, by the service clock: what the action records is stamped with it. */
  at: Date;
}

/** The web app's users act through pages; everyone else through the API. */
export const viaWebApp = (actor: Staff): actor is Extract<Staff, { kind: 'user' }> => actor.kind === 'user';
