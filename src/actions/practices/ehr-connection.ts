/**
 * A practice's EHR connection (its admins): where the FHIR server and its
 * token endpoint are, the client the EHR registered, and where this
 * process finds the private key (a file path or an environment variable's
 * name; the key itself is refused). Sending a failed write-back again.
 */
import { z } from 'zod';
import { loadPrivateKey, requeueWriteBack, EhrFailure } from '../../ehr/index.js';
import { DomainError, notFound } from '../../errors.js';
import { findEhrConnection, saveEhrConnection, type EhrConnection } from '../../store/ehr-connections.js';
import type { WriteBack } from '../../store/ehr-writebacks.js';
import { withTransaction } from '../../store/sql.js';
import { practiceFor } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';

const CONFIGURED = auditName('ehr_connection.update');
const RETRIED = auditName('ehr_writeback.retry');

/**
 * What SMART scopes the service asks for by default: create and find the
 * patient, the note and the observations (write-back); read the patient's
 * active problems and prescriptions (a chart read in by MRN).
 */
export const DEFAULT_EHR_SCOPES = 'system/Patient.crs system/DocumentReference.crs system/Observation.crs system/Condition.rs system/MedicationRequest.rs';

const httpsOrLoopback = (what: string) =>
  z.url().refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(`${u}/`), {
    message: `${what} must be https (plain http only to this machine, for testing)`,
  });

const PrivateKeySourceSchema = z.union([
  z.object({ file: z.string().min(1).max(500).refine((f) => !f.includes('-----BEGIN'), 'give the path of the key file, not the key') }).strict(),
  z.object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'give the NAME of the environment variable that holds the key, not the key') }).strict(),
]);

export const EhrConnectionSchema = z
  .object({
    fhirBaseUrl: httpsOrLoopback('fhirBaseUrl').describe('The EHR\'s FHIR R4 base URL; transaction Bundles are posted to it'),
    tokenUrl: httpsOrLoopback('tokenUrl').describe('The EHR\'s OAuth token endpoint (from its .well-known/smart-configuration)'),
    clientId: z.string().trim().min(1).max(300).describe('The client id the EHR registered for this practice\'s backend service'),
    scopes: z.string().trim().min(1).max(1000).default(DEFAULT_EHR_SCOPES).describe('Space-separated SMART system scopes to ask for'),
    keyId: z.string().trim().min(1).max(300).describe('The kid of the public key registered with the EHR (its JWKS)'),
    algorithm: z.enum(['RS384', 'ES384']).default('RS384'),
    privateKey: PrivateKeySourceSchema.describe('Where this service finds the private key: { "file": "/path/key.pem" } or { "env": "VARIABLE_NAME" }'),
    identifierSystem: z.url().optional().describe('The system URI identifiers are written under; defaults to the practice\'s URL at this service, fixed once set'),
    enabled: z.boolean().default(true).describe('Send approved months; false keeps the settings and sends nothing'),
  })
  .strict();
export type EhrConnectionBody = z.infer<typeof EhrConnectionSchema>;

/** Sets (or replaces) the connection; refused when this process cannot read the key it names. */
export async function configureEhrConnection(ctx: ActionContext, input: { practiceId: string; settings: EhrConnectionBody }): Promise<EhrConnection> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const { settings } = input;
  try {
    await loadPrivateKey(settings);
  } catch (error) {
    if (error instanceof EhrFailure) throw new DomainError('validation_failed', error.message, 'privateKey');
    throw error;
  }
  return withTransaction(ctx.db.pool, async (tx) => {
    const before = await findEhrConnection(tx, practice.id);
    // Changing the system would make months sent before look new to the EHR: it stays as first set unless given.
    const identifierSystem = settings.identifierSystem ?? before?.identifierSystem ?? `${ctx.runtime.publicUrl.replace(/\/+$/, '')}/practices/${practice.id}`;
    const saved = await saveEhrConnection(tx, practice.id, { ...settings, identifierSystem }, ctx.at);
    await audit(tx, ctx, CONFIGURED, practice.id);
    return saved;
  });
}

/** Queues a failed write-back again, its attempts counted afresh. */
export async function retryEhrWriteBack(ctx: ActionContext, input: { practiceId: string; writeBackId: string }): Promise<WriteBack> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const row = await withTransaction(ctx.db.pool, async (tx) => {
    const reopened = await requeueWriteBack(tx, practice.id, input.writeBackId, ctx.at);
    if (reopened) await audit(tx, ctx, RETRIED, practice.id, [reopened.patientId]);
    return reopened;
  });
  if (!row) throw notFound('failed write-back');
  return row;
}
