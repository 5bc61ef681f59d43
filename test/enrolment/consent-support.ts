/**
 * The consent tests' setting: the usual scenario with a billing practitioner
 * (Alan Grant, MD), candidates made straight in the store (the campaign and
 * its texts have tests of their own), the consent link sent to one, and a
 * phone that opens the link and posts the page's forms back.
 */
import { sendConsentLink } from '../../src/enrolment/consent.js';
import { changeCandidateState, findCandidate, insertCandidate, type Candidate, type CandidateFields } from '../../src/store/candidates.js';
import { findPractice, type Practice } from '../../src/store/practices.js';
import { withTransaction } from '../../src/store/sql.js';
import { nextPhone } from '../helpers/api.js';
import type { Scenario } from '../helpers/scenario.js';

/** The token of a consent link in a text as Twilio took it. */
export const consentTokenIn = (body: string): string | null => /\/c\/([\w-]{43})(?![\w-])/.exec(body)?.[1] ?? null;

export async function addPractitioner(s: Scenario): Promise<{ id: string; name: string }> {
  const response = await s.admin.post(`/api/v1/practices/${s.practice.id}/staff`, { name: 'Alan Grant', role: 'practitioner', credential: 'MD' });
  if (response.status !== 201) throw new Error(`practitioner not added: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string };
}

export const practiceOf = async (s: Scenario): Promise<Practice> => (await findPractice(s.t.db.pool, s.practice.id))!;

/**
 * A candidate of the practice; `interested` (the default) as after a texted
 * "yes", with a campaign when asked (its contacts are then counted).
 */
export async function addCandidate(
  s: Scenario,
  practitionerId: string,
  overrides: Partial<CandidateFields> = {},
  options: { state?: 'listed' | 'interested'; campaign?: boolean } = {},
): Promise<Candidate> {
  const pool = s.t.db.pool;
  const at = s.clock.now();
  const fields: CandidateFields = {
    firstName: 'Maria',
    lastName: 'Gonzalez',
    phone: nextPhone(),
    phoneType: 'mobile',
    dateOfBirth: '1948-03-21',
    mrn: null,
    email: null,
    language: 'en',
    preferredChannel: 'sms',
    timezone: null,
    conditions: ['hypertension', 'type 2 diabetes'],
    billingPractitionerId: practitionerId,
    lastVisitOn: '2026-06-15',
    ...overrides,
  };
  const candidate = (await insertCandidate(pool, s.practice.id, fields, 'test', at))!;
  if (options.campaign) {
    const { rows } = await pool.query<{ id: string }>(
      "INSERT INTO campaigns (practice_id, name, created_by, created_at) VALUES ($1, 'Winter', 'test', $2) RETURNING id",
      [s.practice.id, at],
    );
    await changeCandidateState(pool, candidate.id, { state: 'invited', campaignId: rows[0]!.id, at });
  }
  if ((options.state ?? 'interested') === 'interested') await changeCandidateState(pool, candidate.id, { state: 'interested', at });
  return (await findCandidate(pool, candidate.id))!;
}

/** Sends the candidate the consent link, runs the send, and returns the token of the text as Twilio took it. */
export async function sendLink(s: Scenario, candidate: Candidate): Promise<{ token: string; text: string }> {
  const practice = await practiceOf(s);
  await withTransaction(s.t.db.pool, (tx) => sendConsentLink(tx, s.t.service.runtime, { practice, candidate, at: s.clock.now() }));
  await s.runDue();
  const text = s.sentTo(candidate.phone).findLast((m) => consentTokenIn(m.Body));
  if (!text) throw new Error('the consent link did not go out');
  return { token: consentTokenIn(text.Body)!, text: text.Body };
}

export interface Page {
  status: number;
  html: string;
  location: string | undefined;
  headers: Record<string, unknown>;
}

/** The hidden fields of the page's first form (the one that signs). */
export function hiddenFields(html: string, action = '/c'): Record<string, string> {
  const form = new RegExp(`<form method="post" action="${action}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  if (!form) throw new Error(`no form posting to ${action} on the page`);
  return Object.fromEntries([...form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
}

/** One phone's visit to the consent page: the cookie its link gave it. */
export class ConsentVisitor {
  cookie: string | null = null;
  constructor(
    private readonly s: Scenario,
    readonly ip = '203.0.113.9',
  ) {}

  async request(method: 'GET' | 'POST', url: string, fields?: URLSearchParams): Promise<Page> {
    const response = await this.s.t.service.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: `ccm_consent=${this.cookie}` } : {}),
        ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(fields ? { payload: fields.toString() } : {}),
    });
    const set = response.headers['set-cookie'];
    const cookie = /ccm_consent=([^;]*)/.exec(Array.isArray(set) ? set.join(';') : (set ?? ''))?.[1];
    if (cookie) this.cookie = cookie;
    return { status: response.statusCode, html: response.body, location: response.headers.location as string | undefined, headers: response.headers };
  }

  open(token: string): Promise<Page> {
    return this.request('GET', `/c/${token}`);
  }

  /** Signs the page: ticks these elements, types this name (the page's hidden fields as they are, unless overridden). */
  sign(page: Page, answers: { elements: readonly string[]; name: string; override?: Record<string, string> }): Promise<Page> {
    const fields = new URLSearchParams({ ...hiddenFields(page.html), ...answers.override });
    for (const element of answers.elements) fields.append('elements', element);
    fields.set('signatureName', answers.name);
    return this.request('POST', '/c', fields);
  }

  decline(page: Page): Promise<Page> {
    return this.request('POST', '/c/decline', new URLSearchParams(hiddenFields(page.html, '/c/decline')));
  }
}

export const ALL_ELEMENTS = ['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time'] as const;
