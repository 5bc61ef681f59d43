/**
 * Staff passwords: hashed with scrypt (memory-hard), and judged by length
 * and guessability rather than composition rules (NIST 800-63B).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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
