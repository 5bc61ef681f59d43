/**
 * The patient page's header: who this is, at a glance, before anything else
 * (a coordinator on the phone confirms the date of birth and reads the number
 * back): date of birth and age, phone as people write it, language, how they
 * prefer to be reached, and their conditions.
 */
import { DateTime } from 'luxon';
import { formatForReading } from '../../../phone.js';
import type { Patient } from '../../../store/patients.js';
import { html, type Html } from '../../html.js';
import { languageName } from './sections.js';

/** "Mar 21, 1948 (age 78)": the age on today's date where the practice is. */
function birth(dateOfBirth: string | null, zone: string, now: Date): string {
  if (!dateOfBirth) return 'Not on file';
  const born = DateTime.fromISO(dateOfBirth, { zone });
  const age = Math.floor(DateTime.fromJSDate(now, { zone }).diff(born, 'years').years);
  return `${born.toFormat('LLL d, yyyy')} (age ${age})`;
}

export function patientHeader(p: Patient, zone: string, now: Date): Html {
  return html`<section class="patient-header card" aria-label="Patient details">
    <dl class="facts">
      <dt>Date of birth</dt><dd data-dob>${birth(p.dateOfBirth, zone, now)}</dd>
      <dt>Phone</dt><dd><a href="tel:${p.phone}" data-phone>${formatForReading(p.phone)}</a></dd>
      <dt>Language</dt><dd>${languageName(p.language)}</dd>
      <dt>Prefers</dt><dd>${p.preferredChannel === 'voice' ? 'Phone calls' : 'Text messages'}</dd>
      <dt>Conditions</dt><dd>${p.conditions.length ? p.conditions.join(', ') : 'None on file'}</dd>
    </dl>
  </section>`;
}
