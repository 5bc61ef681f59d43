/**
 * The patient model's figures in one place, each with where it comes from:
 * the article (../shared/seed/ccm-automation-article.txt) or "assumption".
 * `--profile FILE` (JSON) overrides any of them; the file is checked here, so
 * an unknown key or a value out of range stops the run naming the key.
 * Only figures about patients live here; calls are in call-model.ts, the
 * coordinator's time in work-model.ts.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const share = (value: number) => z.number().min(0).max(1).default(value);
const minutes = (value: number) => z.number().min(0).max(7 * 24 * 60).default(value);
/** A group of figures: every key optional (its default stands), no key unknown. */
const group = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape).prefault({} as never);

export const ProfileSchema = z.strictObject({
  /** Assumption: a practice with a sizeable Hispanic panel; the article gives no language mix. */
  spanish: share(0.15),
  /** Assumption: the older patients who would rather take a call than text (the article: "older patients who take calls", no share). */
  voice: share(0.1),
  /** How often a patient answers a question the service starts (by text; calls scale with it, call-model.ts). */
  answerRate: group({
    /** The article: SMS check-ins are answered 67% of the time (Luma Health). */
    mean: share(0.67),
    /** Assumption: patients spread evenly over mean +/- spread/2 (some answer nearly everything, some rarely)... */
    spread: z.number().min(0).max(2).default(0.6),
    /** ...within these bounds (assumption). */
    min: share(0.2),
    max: share(0.97),
  }),
  /** Assumption: engagement drifts over the month; the rest keep their rate. */
  drift: group({
    /** Share of patients who answer less as the month goes on (assumption: reminder fatigue)... */
    fading: share(0.2),
    /** ...their answer rate falls by this fraction by the month's end (assumption). */
    fadeBy: share(0.5),
    /** Share who answer more as the month goes on (assumption: a few warm to it)... */
    warming: share(0.05),
    /** ...their answer rate rises by this fraction by the month's end, within answerRate.max (assumption). */
    warmBy: z.number().min(0).max(2).default(0.3),
  }),
  /** How long a patient takes to answer a text the service started. The article: "many within the hour"; the split is an assumption. */
  replyDelay: group({
    /** Within the hour, exponentially distributed with this mean in minutes (assumption)... */
    soonShare: share(0.6),
    soonMeanMinutes: minutes(15),
    /** ...hours later (1-6 h), or else the next day (8-18 h later) (assumption). */
    hoursShare: share(0.3),
    /** Answering what the service just said back: a few minutes (assumption). */
    followUpMeanMinutes: minutes(3),
  }),
  /** Assumption: one patient in ten worsens over the month (the article's urgent and elevated tiers, 17-26%, include the stable ones' bad days). */
  deteriorating: share(0.1),
  /** Assumption: 3% text STOP some day in the month. */
  optOut: share(0.03),
  /** Assumption: 40% take a medicine the practice sends a daily dose reminder for. */
  doseReminder: share(0.4),
  /** Assumption: about one CCM patient in five has heart failure beside hypertension and diabetes (among Medicare CCM's commonest conditions). */
  heartFailure: share(0.2),
  /**
   * The number on file cannot take texts. Assumption: 2% (the article's 8% "wrong number /
   * disconnected" is per call attempt, not per patient). Twilio's error on each text: 30003
   * unreachable handset, 30005 unknown number, 30006 landline; the split (weights, scaled to add
   * up to 1) is an assumption.
   */
  wrongNumber: group({
    share: share(0.02),
    unreachable30003: share(0.3),
    unknown30005: share(0.3),
    landline30006: share(0.4),
  }),
  /** How patients with a dose reminder take their medicine (assumption; the article gives only "45% better adherence" with reminders). */
  adherence: group({
    /** Share who miss often... */
    missesOften: share(0.15),
    /** ...missing this share of their doses; they say so ("2" and a reason) or in words from the corpora (assumption). */
    missRate: share(0.3),
    /** Share who ration (take less to make it last, for the cost)... */
    rations: share(0.05),
    /** ...saying so at this share of reminders (assumption). */
    rationRate: share(0.3),
    /** A miss told in their own words (a corpus text about medicines) rather than "2" and a reason key (assumption). */
    inWords: share(0.5),
  }),
  /**
   * The week-2 questionnaire (a link by text to a form): who opens it, when, and who leaves part-way.
   * Patients' answers on it come from their state (depression, homeReadings, falls below; their
   * course, adherence and heart failure above).
   */
  questionnaire: group({
    /**
     * The article: a portal questionnaire is answered 34% of the time (NCQA), a rate per
     * questionnaire, which its reminders are part of. Here each link text (the invite, and the
     * reminder to those who did not open it) is opened with this chance, scaled by the patient's
     * engagement as calls are (their chance of answering a text at that hour, routine.ts, over
     * answerRate.mean): two texts at 0.19 make 1 - 0.81^2 = 34% per questionnaire, before those
     * who leave part-way.
     */
    respond: share(0.19),
    /** Assumption: they open it hours after the text (exponential, this mean in hours), in their waking hours. */
    openMeanHours: z.number().min(0).max(48).default(3),
    /** Assumption: 15% of those who open it leave part-way (after 1-4 screens)... */
    leaves: share(0.15),
    /** ...and half of those come back by the same link 2-24 h later (assumption), within its 7 days. */
    comesBack: share(0.5),
    /** Assumption: one in five writes a note for the care team (the form's last question), from the corpora. */
    note: share(0.2),
  }),
  /** Assumption: one patient in ten has depression (its PHQ-2 is mostly 3 or more, so the PHQ-9 is asked); the others mostly answer "not at all". */
  depression: group({
    share: share(0.1),
    /** Assumption: of those, this share answer PHQ-9 item 9 (thoughts of self-harm) above "not at all" (2% of the panel). */
    selfHarm: share(0.2),
  }),
  /** Assumption: who takes readings at home and types them in (a cuff, a glucose meter, a scale); patients with heart failure all weigh themselves. */
  homeReadings: group({
    bloodPressure: share(0.6),
    glucose: share(0.4),
    weight: share(0.3),
  }),
  /**
   * When a patient can answer what the service starts (issue 24: the learned sequence plans each
   * patient's hour and channel from their history). Assumption: most patients can answer at any
   * daytime hour; this share work days (Monday to Friday) and rarely answer an exchange the service
   * starts on a weekday before `eveningFrom` (local, the patient's zone), but do in the evening and
   * at weekends. The article gives no such figure; one in five is a guess for a CCM panel (mostly
   * over 65, of whom about one in five still works; some younger and working).
   */
  daytime: group({
    workers: share(0.2),
    /** Their chance on a weekday before `eveningFrom`, as a share of their chance at other times (assumption: "rarely", a glance at a break). */
    answers: share(0.35),
    /** The local hour (0-24) their working day ends (assumption: 17:00). */
    eveningFrom: z.number().int().min(0).max(24).default(17),
  }),
  /**
   * Assumption: this share of the patients who chose texts seldom answer one (older patients who
   * do not read texts; the article: "older patients who take calls", no share) but pick up calls.
   * Their chance of answering a text (or opening a link in one) is `texts` of their usual; of
   * picking up a call, `calls` times it (assumption: at home, the phone by them).
   * The panel's rates are lifted so that these two groups do not lower the daytime text rate the
   * article gives (answerRate.mean): simulate/routine.ts.
   */
  textAverse: group({
    share: share(0.1),
    texts: share(0.2),
    calls: z.number().min(0).max(5).default(1.5),
  }),
  /** Assumption: 3% of stable patients had a fall in the last month (about one older adult in four falls in a year); three times that when deteriorating. */
  falls: share(0.03),
}).superRefine((p, ctx) => {
  const over = (path: string[], value: number, what: string) => value > 1 + 1e-9 && ctx.addIssue({ code: 'custom', path, message: `${what} add up to ${value}, more than 1` });
  over(['drift', 'fading'], p.drift.fading + p.drift.warming, 'drift.fading and drift.warming');
  over(['replyDelay', 'soonShare'], p.replyDelay.soonShare + p.replyDelay.hoursShare, 'replyDelay.soonShare and replyDelay.hoursShare');
  over(['adherence', 'missesOften'], p.adherence.missesOften + p.adherence.rations, 'adherence.missesOften and adherence.rations');
  const codes = p.wrongNumber.unreachable30003 + p.wrongNumber.unknown30005 + p.wrongNumber.landline30006;
  if (codes <= 0) ctx.addIssue({ code: 'custom', path: ['wrongNumber'], message: "the three error codes' weights are all 0" });
  if (p.answerRate.min > p.answerRate.max) ctx.addIssue({ code: 'custom', path: ['answerRate', 'min'], message: 'is above answerRate.max' });
});

export type Profile = z.output<typeof ProfileSchema>;
export type ProfileOverrides = z.input<typeof ProfileSchema>;

export const DEFAULT_PROFILE: Profile = ProfileSchema.parse({});

export class ProfileError extends Error {
  override name = 'ProfileError';
}

/** The figures with `overrides` applied; a ProfileError naming each bad key otherwise. */
export function parseProfile(overrides: unknown, source = 'profile'): Profile {
  const parsed = ProfileSchema.safeParse(overrides);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${at ? `${at}.` : ''}${k}: not a figure of the profile`).join('; ');
    return `${at || '(the whole file)'}: ${issue.message}`;
  });
  return fail(`${source}: ${problems.join('; ')}`);
}

const fail = (message: string): never => {
  throw new ProfileError(message);
};

/** Reads and checks a profile file (JSON). */
export async function loadProfile(file: string): Promise<{ profile: Profile; overrides: ProfileOverrides }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`--profile ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`--profile ${file}: not JSON (${(error as Error).message})`);
  }
  return { profile: parseProfile(json, `--profile ${file}`), overrides: json as ProfileOverrides };
}

/** The figures of `profile` that differ from the defaults, as "key=value" (for the report's header). */
export function profileChanges(profile: Profile): string[] {
  const changes: string[] = [];
  const walk = (given: Record<string, unknown>, defaults: Record<string, unknown>, at: string) => {
    for (const [key, value] of Object.entries(given)) {
      if (typeof value === 'object' && value !== null) walk(value as Record<string, unknown>, defaults[key] as Record<string, unknown>, `${at}${key}.`);
      else if (value !== defaults[key]) changes.push(`${at}${key}=${String(value)}`);
    }
  };
  walk(profile, DEFAULT_PROFILE, '');
  return changes;
}
