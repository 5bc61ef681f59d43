/**
 * The tokens of links sent to patients (the questionnaire's in a text, an
 * email's unsubscribe link). A token is made as the text or email is sent and
 * kept only as its SHA-256: the stored body shows the link with a mark where
 * the token goes, so neither the transcript nor a copy of the database can
 * open anything. Sent again (a first send cut short), it gets a new token.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Stands in the stored body where the token goes. */
export const TOKEN_MARK = '[link]';
/** 32 random bytes: 43 characters of base64url. */
const TOKEN_BYTES = 32;

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

export const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

/** What a token looks like: anything else is no token, and is not looked up. */
export const looksLikeToken = (token: string): boolean => /^[\w-]{20,100}$/.test(token);
