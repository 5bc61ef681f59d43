/**
 * A patient's email address and what emails may hold, as staff set them
 * (enrolment, PATCH, CSV, the app). The whole summary goes by email only
 * after the patient was told plain email is not private and accepted (HHS
 * FAQ 570): that is recorded with when, how, who recorded it and which text
 * they were told. A new address clears a bounce; only staff record that a
 * patient who stopped emails wants them again.
 */
import { DomainError } from '../../errors.js';
import { optBackInToEmail, optOutOfEmail } from '../../outreach/index.js';
import { recordFullConsent } from '../../enrolment/patient-enrolment.js';
import { clearEmailBounce, type EmailConsent, type EmailFullConsent, type Patient, type PatientFields } from '../../store/patients.js';
import type { Practice } from '../../store/practices.js';
import type { Queryable } from '../../store/sql.js';
import { writerLabel } from '../access.js';
import type { ActionContext } from '../context.js';

/**
 * What the patient is told before choosing the whole summary by email. A new
 * wording gets a new version (the record keeps which one each patient heard);
 * an old version's text stays here, so a recorded version can always be read.
 */
export const EMAIL_PRIVACY_NOTICES = {
  '2026-11': {
    en: 'Plain email is not private. Others could read it on the way to you or in your inbox. By default our email only says your summary is ready and gives a link to it. If you want the whole summary, with your care plan and medicines, in the email itself, we will send it that way. You can change your mind at any time.',
    es: 'El correo electrónico común no es privado. Otras personas podrían leerlo en el camino o en su bandeja de entrada. Normalmente nuestro correo solo dice que su resumen está listo y trae un enlace. Si usted quiere el resumen completo, con su plan de cuidado y sus medicinas, dentro del correo, se lo enviaremos así. Puede cambiar de opinión cuando quiera.',
  },
} as const;
/** The version told now. */
export const EMAIL_PRIVACY_NOTICE_VERSION = '2026-11' satisfies keyof typeof EMAIL_PRIVACY_NOTICES;

/** The email part of a body (enrolment or PATCH). */
export interface EmailInput {
  email?: string | null | undefined;
  emailConsent?: EmailConsent | undefined;
  emailFullConsent?: { how: EmailFullConsent['how'] } | undefined;
}

/** Who recorded the choice, and when: the action's caller, at its time. */
export type Recorder = Pick<ActionContext, 'actor' | 'at'>;

const fullConsent = (how: EmailFullConsent['how'], by: Recorder): EmailFullConsent => ({
  at: by.at.toISOString(),
  how,
  recordedBy: writerLabel(by.actor),
  textVersion: EMAIL_PRIVACY_NOTICE_VERSION,
});

/**
 * The stored email fields an input sets, checked against the patient as
 * they are (null when enrolling): 'full' needs the patient's acceptance
 * (emailFullConsent) unless they chose it already; the acceptance alone,
 * without 'full', means nothing and is refused. Leaving 'full' forgets the
 * acceptance (the timeline keeps it).
 */
export function emailFields(input: EmailInput, current: Patient | null, by: Recorder): Partial<Pick<PatientFields, 'email' | 'emailConsent' | 'emailFullConsent'>> {
  const { email, emailConsent, emailFullConsent } = input;
  if (emailFullConsent && emailConsent !== 'full') {
    throw new DomainError('validation_failed', 'send emailConsent "full" with it: the acceptance is for the whole summary by email', 'emailFullConsent');
  }
  if (emailConsent === 'full' && !emailFullConsent && current?.emailConsent !== 'full') {
    throw new DomainError(
      'validation_failed',
      'the whole summary goes by email only after the patient was told plain email is not private and accepted: send emailFullConsent { how }',
      'emailFullConsent',
    );
  }
  const fields: Partial<Pick<PatientFields, 'email' | 'emailConsent' | 'emailFullConsent'>> = {};
  if (email !== undefined) fields.email = email;
  // Enrolling with an address and no choice: the default HHS allows, a note and a link.
  const consent = emailConsent ?? (current ? undefined : email ? 'link' : 'none');
  if (consent !== undefined) fields.emailConsent = consent;
  if (emailFullConsent) fields.emailFullConsent = fullConsent(emailFullConsent.how, by);
  else if (consent !== undefined && consent !== 'full') fields.emailFullConsent = null;
  return fields;
}

/**
 * What changing a patient's email settings does beyond the stored fields: a
 * new address clears the old one's bounce; stopping or restarting emails is
 * recorded like an SMS opt-out; a recorded acceptance is on the timeline.
 * Runs before the fields are stored, in the action's transaction.
 */
export async function applyEmailChanges(
  tx: Queryable,
  ctx: ActionContext,
  practice: Practice,
  patient: Patient,
  change: { email?: string | null | undefined; emailOptedOut?: boolean | undefined; fields: Partial<PatientFields> },
): Promise<void> {
  if (change.email !== undefined && change.email !== patient.email && patient.emailBouncedAt) await clearEmailBounce(tx, patient.id);
  if (change.emailOptedOut === true && !patient.emailOptedOutAt) {
    await optOutOfEmail(tx, practice, patient, { emailId: null, source: 'staff', at: ctx.at });
  } else if (change.emailOptedOut === false && patient.emailOptedOutAt) {
    await optBackInToEmail(tx, practice, patient, ctx.at);
  }
  if (change.fields.emailFullConsent) await recordFullConsent(tx, practice.id, patient.id, change.fields.emailFullConsent, ctx.at);
}

/** The acceptance on the timeline (enrolment records it too: the domain's, src/enrolment/patient-enrolment.ts). */
export { recordFullConsent };
