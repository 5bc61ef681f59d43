/**
 * The monthly note a care coordinator would write and a physician would sign,
 * drafted from the structured record. Pure: every fact in it comes from the
 * record (nothing is guessed or filled in), dates are read in the practice's
 * timezone, and the note is always in English because it goes into the
 * chart, whatever language the patient speaks (their own words are quoted as
 * written). No internal code reaches it: codes become words in
 * src/documentation/phrases. A person reviews and may edit it before approval.
 *
 * The order is the signer's: who and on what terms; each problem with what
 * the patient reported; medicines; what was raised and how it was handled;
 * contacts; care-plan changes; time by role and activity; codes and why.
 */
import { DateTime } from 'luxon';
import { appointmentSentences } from './appointments.js';
import { carePlanParagraph, contactsParagraph, raisedParagraph } from './note-care.js';
import { problemParagraphs } from './note-problems.js';
import { clause, datesFor, formatDuration, joinAnd, plural, type Dates, type DraftableRecord } from './note-words.js';
import { ACTIVITY_PHRASES, MISSED_REASONS, ROLE_PHRASES } from './phrases/index.js';
import { staffLabel } from './staff-label.js';
import { TIME_ACTIVITIES } from './types.js';
import type { MedicationAdherence, StaffRole, TimeActivity } from './types.js';

export { formatDuration, toLocal, type DraftableRecord } from './note-words.js';

/** The activity of a time entry in words ("review of patient-reported data"). */
export function activityLabel(activity: TimeActivity): string {
  return ACTIVITY_PHRASES[activity];
}

/** "November 2026" from '2026-11'. */
export function monthLabel(month: string): string {
  const parsed = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' }).setLocale('en-US');
  return parsed.isValid ? parsed.toFormat('LLLL yyyy') : month;
}

export function draftNote(record: DraftableRecord): string {
  const dates = datesFor(record);
  return [
    opening(record, dates),
    ...problemParagraphs(record, dates),
    medicines(record, dates),
    raisedParagraph(record, dates),
    contactsParagraph(record, dates),
    carePlanParagraph(record, dates),
    staffTime(record),
    billing(record),
  ]
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

function opening(record: DraftableRecord, { day, fullDay }: Dates): string {
  const { patient, consent, carePlan } = record;
  const dob = patient.dateOfBirth ? DateTime.fromISO(patient.dateOfBirth, { zone: 'utc' }) : null;
  const born = dob?.isValid ? ` (DOB ${dob.toFormat('MM/dd/yyyy')})` : '';
  const sentences = [`Chronic care management, ${monthLabel(record.month)}, for ${patient.firstName} ${patient.lastName}${born}.`];
  // The chart says which language the patient uses, so the next caller knows.
  if (patient.language === 'es') sentences.push('Preferred language: Spanish.');
  sentences.push(
    consent.status === 'granted'
      ? `Consent: ${consent.method}, recorded ${fullDay(consent.recordedAt)} by ${consent.recordedBy}.`
      : `Consent: declined (${consent.method}), recorded ${fullDay(consent.recordedAt)} by ${consent.recordedBy}.`,
  );
  if (carePlan.status === 'none') {
    sentences.push('No care plan on file.');
  } else {
    const state = carePlan.status === 'active' ? 'Care plan active' : 'Care plan in draft';
    const since = carePlan.establishedOn ? ` since ${fullDay(carePlan.establishedOn)}` : '';
    const revised = carePlan.revisedOn ? `; revised ${day(carePlan.revisedOn)}` : '';
    sentences.push(`${state}${since}${revised}.`);
    if (carePlan.goals.length > 0) sentences.push(`Goals: ${carePlan.goals.map(clause).join('; ')}.`);
  }
  if (record.complex) sentences.push('Moderate or high complexity decision-making this month.');
  sentences.push(...appointmentSentences(record));
  return sentences.join(' ');
}

/** "lisinopril: 26 of 28 reported doses taken (93%); missed Nov 6 (forgot), Nov 9 (ran out, 3 days)". */
function adherenceItem(m: MedicationAdherence, { day }: Dates): string {
  if (m.dosesReported === 0) return `${m.name}: no doses reported`;
  const share = `${m.taken} of ${plural(m.dosesReported, 'reported dose', 'reported doses')} taken${m.percent === null ? '' : ` (${m.percent}%)`}`;
  const missed = (m.missedDoses ?? []).map((d) => {
    const why = [d.reason ? (MISSED_REASONS as Record<string, string>)[d.reason] ?? 'another reason' : '', d.days && d.days > 1 ? `${d.days} days` : ''].filter(Boolean);
    return `${day(d.at)}${why.length > 0 ? ` (${why.join(', ')})` : ''}`;
  });
  return `${m.name}: ${share}${missed.length > 0 ? `; missed ${joinAnd(missed)}` : ''}`;
}

function medicines(record: DraftableRecord, dates: Dates): string {
  const { adherence, refills } = record.reported;
  const sentences: string[] = [];
  sentences.push(adherence.length > 0 ? `Adherence as the patient reported it: ${adherence.map((m) => adherenceItem(m, dates)).join('. ')}.` : 'No medication doses reported this month.');
  if (refills.length > 0) {
    const items = [...refills]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((r) => `${r.name} ${r.outcome === 'needs_refill' ? 'needs a refill' : 'has refills left'} (${dates.day(r.at)})`);
    sentences.push(`Refills: ${items.join('; ')}.`);
  }
  return `Medicines:\n${sentences.join(' ')}`;
}

/** Counted seconds per activity for one role, in a fixed order so the note reads the same each time. */
function breakdown(record: DraftableRecord, role: StaffRole): string {
  const sums = new Map<TimeActivity, number>();
  for (const entry of record.time.entries) {
    if (entry.staffRole !== role || entry.countedSeconds <= 0) continue;
    sums.set(entry.activity, (sums.get(entry.activity) ?? 0) + entry.countedSeconds);
  }
  const items = TIME_ACTIVITIES.filter((a) => sums.has(a)).map((a) => `${ACTIVITY_PHRASES[a]} ${formatDuration(sums.get(a) ?? 0)}`);
  return items.length > 0 ? ` (${items.join(', ')})` : '';
}

/** Counted time per person, so a signer sees who did the work. */
function byPerson(record: DraftableRecord): string {
  const sums = new Map<string, number>();
  for (const e of record.time.entries) {
    if (e.countedSeconds <= 0) continue;
    const who = staffLabel({ name: e.staffName, credential: e.credential });
    sums.set(who, (sums.get(who) ?? 0) + e.countedSeconds);
  }
  return [...sums].map(([who, seconds]) => `${who} ${formatDuration(seconds)}`).join('; ');
}

function staffTime(record: DraftableRecord): string {
  const { entries, clinicalStaffSeconds, practitionerSeconds } = record.time;
  if (entries.length === 0) return 'Staff time: none recorded this month.';
  const clinical = `${formatDuration(clinicalStaffSeconds)} ${ROLE_PHRASES.clinical_staff}${breakdown(record, 'clinical_staff')}`;
  const practitioner = `${formatDuration(practitionerSeconds)} ${ROLE_PHRASES.practitioner}${breakdown(record, 'practitioner')}`;
  const sentences = [`Staff time counted: ${clinical}; ${practitioner}.`];
  const people = byPerson(record);
  if (people) sentences.push(`By: ${people}.`);
  // Time inside the month that does not count, grouped by why, so a biller sees it was not lost.
  const excluded = new Map<string, number>();
  for (const entry of entries) {
    const seconds = entry.secondsInMonth - entry.countedSeconds;
    if (seconds <= 0) continue;
    const why = clause(entry.excludedBecause ?? 'not counted');
    excluded.set(why, (excluded.get(why) ?? 0) + seconds);
  }
  if (excluded.size > 0) sentences.push(`Not counted: ${[...excluded].map(([why, s]) => `${formatDuration(s)} (${why})`).join('; ')}.`);
  return sentences.join(' ');
}

function billing(record: DraftableRecord): string {
  const sentences: string[] = [];
  if (record.codes.length > 0) {
    const codes = record.codes.map((c) => `${c.code} (${plural(c.units, 'unit', 'units')}): ${clause(c.reason)}`);
    sentences.push(`Suggested: ${codes.join('; ')}.`);
    const why = clause(record.codeExplanation);
    if (why) sentences.push(`Why: ${why}.`);
  } else {
    const why = clause(record.codeExplanation);
    sentences.push(why ? `No billing code suggested. ${why}.` : 'No billing code suggested.');
  }
  if (record.warnings.length > 0) sentences.push(`Warnings: ${record.warnings.map((w) => clause(w.message)).join('; ')}.`);
  if (record.needsReview) sentences.push('Needs review before billing.');
  return `Codes:\n${sentences.join(' ')}`;
}
