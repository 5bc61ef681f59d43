/**
 * Staff sign in to the web app as themselves: sessions that end after 15
 * minutes without activity, and sign-ins slowed to a stop after repeated
 * failures for an address, whether or not it exists.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../actions/staff/passwords.js';
import { DomainError } from '../errors.js';
import type { RecordDeps } from '../runtime.js';
import { endSession, findSession, insertSession, touchSession } from '../store/user-sessions.js';
import { clearSignInFailures, countSignInAttempt, findUser, findUserForSignIn, type User } from '../store/users.js';

/** HIPAA-style automatic logoff. */
export const SESSION_IDLE_MS = 15 * 60_000;
/** Sign-in attempts for one address within the window, without a success, that lock it for LOCK_MS. */
export const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

/** A hash to check against when the address is unknown, so both answers take as long (made when first needed, not at start). */
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(12).toString('hex')));

export const sessionTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SignedIn {
  token: string;
  user: User;
}

/**
 * Checks the address and password. Five attempts for an address within 15
 * minutes without a success lock it for 15 minutes (429), known address or
 * not. The attempt is counted before the password is checked, in one
 * statement, so guesses sent in parallel cannot slip past the count.
 */
export async function signIn(deps: RecordDeps, email: string, password: string): Promise<SignedIn> {
  const at = deps.clock.now();
  const counted = await countSignInAttempt(deps.pool, email, at, { max: MAX_FAILURES, windowMs: FAILURE_WINDOW_MS, lockMs: LOCK_MS });
  if (counted.attempt > MAX_FAILURES) {
    const lockedUntil = counted.lockedUntil ?? new Date(at.getTime() + LOCK_MS);
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - at.getTime()) / 60_000));
    throw new DomainError('too_many_requests', `Too many failed sign-ins for this address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  }
  const found = await findUserForSignIn(deps.pool, email);
  const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
  if (!found || !ok || !found.user.active) throw new DomainError('unauthorized', 'The email or password is not right.');
  await clearSignInFailures(deps.pool, email);
  const token = randomBytes(32).toString('base64url');
  await insertSession(deps.pool, { tokenHash: sessionTokenHash(token), userId: found.user.id, csrfToken: randomBytes(24).toString('base64url'), at });
  return { token, user: found.user };
}

export interface ActiveSession {
  user: User;
  csrfToken: string;
  /** When it ends unless used again. */
  expiresAt: Date;
}

/**
 * The session a cookie names, if still alive. `touch` marks activity (a page
 * or an action); a background check (the live alert stream) does not.
 */
export async function resumeSession(deps: RecordDeps, token: string, touch: boolean): Promise<ActiveSession | null> {
  const at = deps.clock.now();
  const hash = sessionTokenHash(token);
  const session = await findSession(deps.pool, hash);
  if (!session || session.endedAt) return null;
  if (at.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
    await endSession(deps.pool, hash, at, 'inactive');
    return null;
  }
  const user = await findUser(deps.pool, session.userId);
  if (!user || !user.active) return null;
  if (touch) await touchSession(deps.pool, hash, at);
  const lastSeen = touch ? at : session.lastSeenAt;
  return { user, csrfToken: session.csrfToken, expiresAt: new Date(lastSeen.getTime() + SESSION_IDLE_MS) };
}

export function signOut(deps: RecordDeps, token: string): Promise<void> {
  return endSession(deps.pool, sessionTokenHash(token), deps.clock.now(), 'signed_out');
}
