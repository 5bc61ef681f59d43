/**
 * Staff sign in as themselves: passwords hashed with scrypt (memory-hard),
 * sessions that end after 15 minutes without activity, and sign-ins slowed
 * to a stop after repeated failures for an address, whether or not it exists.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../errors.js';
import { withTransaction } from '../store/sql.js';
import { findStaff, insertStaff } from '../store/staff.js';
import { endSession, findSession, insertSession, touchSession } from '../store/user-sessions.js';
import {
  clearSignInFailures,
  countSignInAttempt,
  findUser,
  findUserForSignIn,
  insertUser,
  type User,
  type UserRole,
} from '../store/users.js';
import type { RecordDeps } from './deps.js';

/** HIPAA-style automatic logoff. */
export const SESSION_IDLE_MS = 15 * 60_000;
/** Sign-in attempts for one address within the window, without a success, that lock it for LOCK_MS. */
export const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

// 2^15 iterations of 8 x 128-byte blocks: 32 MiB and ~100 ms per hash on this kind of machine.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to check against when the address is unknown, so both answers take as long (made when first needed, not at start). */
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(12).toString('hex')));

/** Shorter names than this are letters, not a guess an attacker would try. */
const MIN_NAME_IN_PASSWORD = 4;

const COMMON = ['password', '123456', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'admin', 'monkey', 'dragon', 'abc123'];

/** What is wrong with a password, in words; null when it will do (NIST 800-63B: length over composition rules). */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < 12) return 'must be at least 12 characters (a few words make a good one)';
  if (password.length > 200) return 'must be at most 200 characters';
  if (new Set(password).size < 5) return 'uses too few different characters';
  const lower = password.toLowerCase();
  // The address's name, when it is long enough to be a guess ("maria.lopez"); "n@…" would forbid every word with an n.
  const name = email.toLowerCase().split('@')[0]!;
  if (name.length >= MIN_NAME_IN_PASSWORD && lower.includes(name)) return 'must not contain the email address';
  if (COMMON.some((c) => lower.includes(c))) return 'is too easy to guess: it contains a common password';
  return null;
}

export interface NewLogin {
  practiceId: string;
  name: string;
  email: string;
  role: UserRole;
  password: string;
  /** Link to an existing staff member; coordinators and practitioners otherwise get a staff record. */
  staffId?: string | undefined;
  credential?: string | undefined;
  createdBy: string;
}

/** Creates a login; a coordinator or practitioner acts as a staff member (linked or made). */
export function createLogin(deps: RecordDeps, login: NewLogin): Promise<User> {
  const problem = passwordProblem(login.password, login.email);
  if (problem) return Promise.reject(new DomainError('validation_failed', problem, 'password'));
  return hashPassword(login.password).then((passwordHash) =>
    withTransaction(deps.pool, async (tx) => {
      if (await findUserForSignIn(tx, login.email)) throw new DomainError('conflict', 'a login with this email exists already', 'email');
      let staffId: string | null = null;
      if (login.staffId) {
        if (!(await findStaff(tx, login.practiceId, login.staffId))) {
          throw new DomainError('validation_failed', 'no staff member with this id works at this practice', 'staffId');
        }
        staffId = login.staffId;
      } else if (login.role !== 'admin') {
        const role = login.role === 'practitioner' ? 'practitioner' : 'clinical_staff';
        const credential = login.credential ?? (role === 'practitioner' ? 'MD' : 'RN');
        staffId = (await insertStaff(tx, { practiceId: login.practiceId, name: login.name, role, credential, email: login.email })).id;
      }
      return insertUser(tx, { ...login, staffId, passwordHash, at: deps.clock.now() });
    }),
  );
}

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
