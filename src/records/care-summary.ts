/**
 * The patient's monthly summary (the week-4 touchpoint): the copy of the care
 * plan CMS expects a patient to have (problems, goals, planned care, the
 * medicine list, who to call) with their upcoming appointments and the
 * month's check-ins in plain words. Pure: facts in, the summary out; it is
 * kept as sent, so what a patient was told can always be shown again.
 */
import { DateTime } from 'luxon';

export type SummaryLocale = 'en' | 'es';

export interface CareSummary {
  month: string;
  locale: SummaryLocale;
  firstName: string;
  practice: { name: string; phone: string };
  problems: string[];
  goals: string[];
  plannedCare: string[];
  medicines: Array<{ name: string; dose: string; times: string[] }>;
  appointments: Array<{ when: string; withWhom: string; location: string }>;
  /** The month's check-ins in plain words: what they told us, in their language. */
  highlights: string[];
}

export interface SummaryFacts {
  month: string;
  locale: SummaryLocale;
  zone: string;
  firstName: string;
  practice: { name: string; phone: string };
  carePlan: { problems: Array<{ condition: string }>; goals: string[]; interventions: string[] } | null;
  medicines: ReadonlyArray<{ name: string; dose: string; times: readonly string[]; active: boolean }>;
  appointments: ReadonlyArray<{ startsAt: string; withWhom: string; location: string }>;
  /** The month's observations, oldest first. */
  observations: Array<{ kind: string; value: Record<string, unknown>; observedAt: string }>;
  /** Check-ins and questionnaires the patient answered this month. */
  answered: number;
}

const WORDS = {
  en: {
    answered: (n: number) => (n === 1 ? 'You answered 1 check-in this month. Thank you.' : `You answered ${n} check-ins this month. Thank you.`),
    none: 'We did not hear from you this month. We would like to: call us any time.',
    bp: (list: string) => `Your blood pressure readings: ${list}.`,
    sugar: (list: string) => `Your blood sugar readings: ${list}.`,
    weight: (list: string) => `Your weight: ${list}.`,
    missed: (n: number) => (n === 1 ? 'You told us about 1 missed dose. Your care team knows.' : `You told us about ${n} missed doses. Your care team knows.`),
  },
  es: {
    answered: (n: number) => (n === 1 ? 'Contestó 1 revisión este mes. Gracias.' : `Contestó ${n} revisiones este mes. Gracias.`),
    none: 'Este mes no supimos de usted. Nos gustaría saber cómo está: llámenos cuando quiera.',
    bp: (list: string) => `Sus medidas de presión: ${list}.`,
    sugar: (list: string) => `Sus medidas de azúcar: ${list}.`,
    weight: (list: string) => `Su peso: ${list}.`,
    missed: (n: number) => (n === 1 ? 'Nos contó de 1 dosis que no tomó. Su equipo médico lo sabe.' : `Nos contó de ${n} dosis que no tomó. Su equipo médico lo sabe.`),
  },
} as const;

/** Every reading of a kind this month, with its day: "138/86 (Dec 9)". */
function readings(facts: SummaryFacts, kind: string, show: (value: Record<string, unknown>) => string): string | null {
  const list = facts.observations
    .filter((o) => o.kind === kind)
    .map((o) => `${show(o.value)} (${DateTime.fromISO(o.observedAt, { zone: facts.zone }).setLocale(facts.locale).toFormat('LLL d')})`);
  return list.length > 0 ? list.join(', ') : null;
}

function highlights(facts: SummaryFacts): string[] {
  const w = WORDS[facts.locale];
  const lines: string[] = [facts.answered > 0 ? w.answered(facts.answered) : w.none];
  const bp = readings(facts, 'blood_pressure', (v) => `${v.systolic}/${v.diastolic}`);
  if (bp) lines.push(w.bp(bp));
  const sugar = readings(facts, 'glucose', (v) => `${v.mgdl} mg/dL`);
  if (sugar) lines.push(w.sugar(sugar));
  const weight = readings(facts, 'weight', (v) => `${v.pounds} lb`);
  if (weight) lines.push(w.weight(weight));
  const missed = facts.observations.filter((o) => o.kind === 'medication_adherence' && o.value.taken === false).length;
  if (missed > 0) lines.push(w.missed(missed));
  return lines;
}

export function careSummary(facts: SummaryFacts): CareSummary {
  const plan = facts.carePlan;
  return {
    month: facts.month,
    locale: facts.locale,
    firstName: facts.firstName,
    practice: facts.practice,
    problems: plan?.problems.map((p) => p.condition) ?? [],
    goals: plan?.goals ?? [],
    plannedCare: plan?.interventions ?? [],
    medicines: facts.medicines.filter((m) => m.active).map((m) => ({ name: m.name, dose: m.dose, times: [...m.times] })),
    appointments: facts.appointments.map((a) => ({
      // ICU writes "9:30 a. m." with a narrow no-break space, which some mail readers show as a box.
      when: DateTime.fromISO(a.startsAt, { zone: facts.zone })
        .setLocale(facts.locale)
        .toFormat(facts.locale === 'es' ? "cccc d 'de' LLLL, h:mm a" : 'cccc, LLLL d, h:mm a')
        .replace(/\u202f/g, ' '),
      withWhom: a.withWhom,
      location: a.location,
    })),
    highlights: highlights(facts),
  };
}
