import { createHash } from 'node:crypto';

/** The namespace of every name-based uuid ccm-bot puts in a FHIR bundle. */
export const CCM_BOT_UUID_NAMESPACE = '100b319e-7217-4609-9025-be6e12052d24';

/**
 * A name-based uuid (RFC 9562 version 5: SHA-1 of the namespace and the name).
 * The same name in the same namespace gives the same uuid, so the same record
 * gives the same bundle, and a patient keeps one uuid from month to month.
 */
export function uuidV5(name: string, namespace: string = CCM_BOT_UUID_NAMESPACE): string {
  const bytes = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
