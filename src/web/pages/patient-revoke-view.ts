/**
 * The patient page's CCM consent record (from an enrolment campaign: how and
 * when it was given, by whom, which text) and the form that records the
 * patient asking to stop: CCM ends at the end of that month.
 */
import { listCcmConsents } from '../../store/consents.js';
import type { Patient } from '../../store/patients.js';
import type { Queryable } from '../../store/sql.js';
import { DateTime } from 'luxon';
import { csrfField, html, localDate, localTime, type Html } from '../html.js';
import { cameBack, formError, invalid, valuesFor, type FailedForm } from './form-errors.js';

export const REVOKE_FORM = 'consent-revoke';

const METHOD = { electronic_signature: 'signed on the consent page', verbal: 'given by phone' } as const;

/** Nothing for a patient enrolled without a consent recorded here (their consent is the one in "Consent and opt-out"). */
export async function revokeSection(db: Queryable, o: { patient: Patient; zone: string; csrf: string; now: Date; failed?: FailedForm | undefined }): Promise<Html> {
  const consents = await listCcmConsents(db, o.patient.id);
  if (consents.length === 0) return html``;
  const active = consents.find((c) => c.revokedAt === null);
  const form = REVOKE_FORM;
  const v = valuesFor(o.failed, form, { how: '', on: DateTime.fromJSDate(o.now, { zone: o.zone }).toISODate() ?? '' });
  return html`<section aria-labelledby="ccm-consent-title"><h2 id="ccm-consent-title">CCM consent record</h2>
    <ul class="list" data-ccm-consents>${consents.map(
      (c) => html`<li>${METHOD[c.method]} on ${localTime(c.obtainedAt, o.zone)}, obtained by ${c.obtainedBy}; ${c.elementsAcknowledged.length} elements acknowledged
        <span class="meta">text hash ${c.textSha256.slice(0, 12)}…</span>
        ${c.revokedAt ? html`<br><strong>Revoked</strong> on ${localTime(c.revokedAt, o.zone)} (${c.revokedHow}; recorded by ${c.revokedRecordedBy}); CCM ends ${c.revocationEffectiveOn ? localDate(c.revocationEffectiveOn, 'UTC') : ''}` : ''}</li>`,
    )}</ul>
    ${active
      ? html`<details class="card"${cameBack(o.failed, form) ? html` open` : ''}><summary>Revoke consent</summary>
        <form method="post" action="/app/patients/${o.patient.id}/consent/revoke" class="stack">${csrfField(o.csrf)}
          ${formError(o.failed, form)}
          <p class="meta">The patient asked to stop CCM. It ends at the end of the month they asked in, and they are disenrolled.</p>
          <label for="revoke-how">How they asked</label>
          <input id="revoke-how" name="how" required maxlength="200" placeholder="by phone to Linda Park, RN" value="${v.how ?? ''}"${invalid(o.failed, form, 'how')}>
          <label for="revoke-on">The day they asked</label>
          <input id="revoke-on" name="on" type="date" required value="${v.on ?? ''}"${invalid(o.failed, form, 'on')}>
          <button type="submit">Revoke consent</button>
        </form></details>`
      : ''}
  </section>`;
}
