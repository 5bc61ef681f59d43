import { describe, expect, it } from 'vitest';
import { careSummary, type SummaryFacts } from '../../src/records/care-summary.js';
import { renderSummaryEmail, renderSummaryPage, summarySubject } from '../../src/channels/email/summary.js';

const FACTS: SummaryFacts = {
  month: '2026-12',
  locale: 'en',
  zone: 'America/Chicago',
  firstName: 'Ana',
  practice: { name: 'Maple Family Medicine', phone: '+15551234567' },
  carePlan: { problems: [{ condition: 'Type 2 diabetes' }, { condition: 'High blood pressure' }], goals: ['A1c under 7.5 by March'], interventions: ['Check sugar every morning'] },
  medicines: [
    { name: 'Metformin', dose: '500 mg', times: ['08:00', '20:00'], active: true },
    { name: 'Old pill', dose: '1 mg', times: [], active: false },
  ],
  appointments: [{ startsAt: '2027-01-08T15:30:00.000Z', withWhom: 'Dr. Patel', location: 'Maple Family Medicine, 2nd floor' }],
  observations: [
    { kind: 'blood_pressure', value: { systolic: 138, diastolic: 86 }, observedAt: '2026-12-09T16:10:00.000Z' },
    { kind: 'medication_adherence', value: { medicationId: 'm', taken: false }, observedAt: '2026-12-10T14:00:00.000Z' },
  ],
  answered: 3,
};

/** Words no subject line may carry: it is seen by anyone who sees the inbox. */
const HEALTH_WORDS = /diabet|blood|pressure|sugar|medic|pill|care plan|presi|azúcar|salud|health/i;

describe('the monthly summary', () => {
  it('is the care plan copy: problems, goals, planned care, active medicines with times, appointments, the month in plain words', () => {
    const s = careSummary(FACTS);
    expect(s.problems).toEqual(['Type 2 diabetes', 'High blood pressure']);
    expect(s.medicines).toEqual([{ name: 'Metformin', dose: '500 mg', times: ['08:00', '20:00'] }]);
    expect(s.appointments).toEqual([{ when: 'Friday, January 8, 9:30 AM', withWhom: 'Dr. Patel', location: 'Maple Family Medicine, 2nd floor' }]);
    expect(s.highlights).toEqual(['You answered 3 check-ins this month. Thank you.', 'Your blood pressure readings: 138/86 (Dec 9).', 'You told us about 1 missed dose. Your care team knows.']);
  });

  it('by default says it is ready and links to it; the subject says nothing about health', () => {
    const email = renderSummaryEmail(careSummary(FACTS), { full: false, link: 'https://x.example/s/[summary]', unsubscribe: 'https://x.example/e/unsubscribe/[link]' });
    expect(email.subject).toBe('Your monthly summary from Maple Family Medicine');
    // The practice's own name may say "Medicine": nothing else in the line may.
    expect(email.subject.replace('Maple Family Medicine', '')).not.toMatch(HEALTH_WORDS);
    expect(email.text).toContain('See your summary: https://x.example/s/[summary]');
    expect(email.text).not.toContain('Metformin');
    expect(email.html).toContain('href="https://x.example/s/[summary]"');
    expect(email.html).not.toContain('Metformin');
    expect(email.text).toContain('Stop these emails: https://x.example/e/unsubscribe/[link]');
  });

  it('holds the whole summary only in full mode, saying plain email is not private', () => {
    const email = renderSummaryEmail(careSummary(FACTS), { full: true, link: 'L', unsubscribe: 'U' });
    expect(email.text).toContain('Plain email is not private');
    expect(email.text).toContain('- Metformin 500 mg, at 08:00, 20:00');
    expect(email.html).toContain('<li>Type 2 diabetes</li>');
  });

  it('in Spanish, with a subject free of health words', () => {
    const s = careSummary({ ...FACTS, locale: 'es' });
    expect(summarySubject(s)).toBe('Su resumen del mes de Maple Family Medicine');
    expect(summarySubject(s).replace('Maple Family Medicine', '')).not.toMatch(HEALTH_WORDS);
    expect(s.appointments[0]!.when).toBe('viernes 8 de enero, 9:30 a. m.');
    expect(s.highlights[0]).toBe('Contestó 3 revisiones este mes. Gracias.');
  });

  it('escapes what staff typed, on the page and in the email', () => {
    const s = careSummary({ ...FACTS, carePlan: { problems: [{ condition: '<script>x</script>' }], goals: [], interventions: [] } });
    expect(renderSummaryPage(s, { stylesheet: '/q/form.css', icon: '/q/icon.svg' }).toString()).not.toContain('<script>x');
    expect(renderSummaryEmail(s, { full: true, link: 'L', unsubscribe: 'U' }).html).toContain('&lt;script&gt;x');
  });
});
