/**
 * Consent, as staff record it: consent taken by phone with the script (the
 * same elements and text version the consent page shows), a revocation the
 * patient asked for, and a new version of the practice's consent text. The
 * rules (every element acknowledged, the text's hash kept, the patient
 * enrolled, the end of the month) are src/enrolment's; an action adds the
 * access check, who acts, the transaction and its access-log row.
 */
import { DateTime } from 'luxon';
import { publishConsentText as publishText, recordConsent, revokeConsent as revokeOne } from '../../enrolment/index.js';
import { findPractice } from '../../store/practices.js';
import { withTransaction } from '../../store/sql.js';
import { patientFor, practiceFor, writerLabel } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { actingStaff, candidateFor } from './access.js';
import type { ConsentTextBody, RevokeConsentBody, VerbalConsentBody } from './schemas.js';

const CONSENTED = auditName('candidate.consent');
const REVOKED = auditName('consent.revoke');
const PUBLISHED = auditName('consent_text.publish');

export type RecordedConsent = Awaited<ReturnType<typeof recordConsent>>;

/**
 * Records consent given by phone (a coordinator or a practitioner, as
 * themselves): the candidate becomes an enrolled patient and their outreach
 * plan starts. A candidate who consented already is a conflict naming the
 * patient they became (src/enrolment's check).
 */
export async function recordVerbalConsent(ctx: ActionContext, input: { candidateId: string; consent: VerbalConsentBody }): Promise<RecordedConsent> {
  const { candidate, practice } = await candidateFor(ctx.db.pool, ctx.actor, input.candidateId);
  const obtainedBy = await actingStaff(ctx.db.pool, ctx.actor, practice.id, input.consent.staffId, 'take consent');
  return withTransaction(ctx.db.pool, async (tx) => {
    // Locks the candidate, refuses one who consented already (409 naming the patient) and checks the text and elements (400).
    const recorded = await recordConsent(tx, ctx.runtime, {
      practice,
      candidate,
      method: 'verbal',
      consentTextId: input.consent.consentTextId,
      elements: input.consent.elements,
      signatureName: null,
      obtainedBy,
      at: ctx.at,
    });
    await audit(tx, ctx, CONSENTED, practice.id, [recorded.patient.id]);
    return recorded;
  });
}

/**
 * The instant a revocation is recorded at: now when it was asked today (or
 * no day is given), else midday of the day it was asked, where the practice
 * is (the month it falls in decides when CCM stops).
 */
function askedAt(on: string | undefined, zone: string, now: Date): Date {
  if (!on) return now;
  const today = DateTime.fromJSDate(now, { zone }).toISODate();
  return on === today ? now : DateTime.fromISO(on, { zone }).set({ hour: 12 }).toJSDate();
}

/** Records that the patient asked to stop CCM: it stops at the end of that month, and the patient is disenrolled. */
export async function revokeConsent(ctx: ActionContext, input: { patientId: string; revocation: RevokeConsentBody }): Promise<Awaited<ReturnType<typeof revokeOne>>> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  const practice = (await findPractice(ctx.db.pool, patient.practiceId))!;
  return withTransaction(ctx.db.pool, async (tx) => {
    const consent = await revokeOne(tx, ctx.runtime, {
      patient,
      how: input.revocation.how,
      recordedBy: writerLabel(ctx.actor),
      at: askedAt(input.revocation.on, practice.timezone, ctx.at),
    });
    await audit(tx, ctx, REVOKED, practice.id, [patient.id]);
    return consent;
  });
}

/** Publishes a new version of the practice's consent text for a language (admins); earlier versions, and what patients agreed to, stay as they were. */
export async function publishConsentText(ctx: ActionContext, input: { practiceId: string; text: ConsentTextBody }): Promise<Awaited<ReturnType<typeof publishText>>> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  return withTransaction(ctx.db.pool, async (tx) => {
    const published = await publishText(tx, practice, { language: input.text.language, elements: input.text.elements, createdBy: writerLabel(ctx.actor), at: ctx.at });
    await audit(tx, ctx, PUBLISHED, practice.id);
    return published;
  });
}
