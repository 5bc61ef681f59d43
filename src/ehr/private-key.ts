/**
 * The practice's signing key, read where its connection says: a PEM (PKCS #8)
 * or JWK file, or an environment variable holding one. The database only
 * knows where; errors name the place, never the content.
 */
import { readFile } from 'node:fs/promises';
import { importJWK, importPKCS8, type CryptoKey, type JWK } from 'jose';
import type { EhrConnection, PrivateKeySource } from '../store/ehr-connections.js';
import { EhrFailure } from './failure.js';

/** Where the key is, as an admin reads it in an error ("the file /etc/ccm/ehr.pem"). */
export const describeKeySource = (source: PrivateKeySource) =>
  'file' in source ? `the file ${source.file}` : `the environment variable ${source.env}`;

async function readKeyText(source: PrivateKeySource, env: NodeJS.ProcessEnv): Promise<string> {
  if ('env' in source) {
    const value = env[source.env];
    if (!value?.trim()) throw new EhrFailure('config', `no private key: ${describeKeySource(source)} is not set`);
    return value;
  }
  try {
    return await readFile(source.file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new EhrFailure('config', `no private key: ${describeKeySource(source)} cannot be read (${code})`);
  }
}

/** The key, ready to sign with the connection's algorithm. */
export async function loadPrivateKey(connection: Pick<EhrConnection, 'privateKey' | 'algorithm'>, env: NodeJS.ProcessEnv = process.env): Promise<CryptoKey> {
  const text = (await readKeyText(connection.privateKey, env)).trim();
  try {
    if (text.startsWith('{')) {
      const key = await importJWK(JSON.parse(text) as JWK, connection.algorithm);
      if (key instanceof Uint8Array) throw new Error('a symmetric key');
      return key;
    }
    return await importPKCS8(text, connection.algorithm);
  } catch {
    // jose's message may quote the key's opening: not passed on.
    throw new EhrFailure('config', `${describeKeySource(connection.privateKey)} does not hold a ${connection.algorithm} private key (PKCS #8 PEM or JWK)`);
  }
}
