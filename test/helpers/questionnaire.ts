/**
 * The week-2 questionnaire from the patient's side, over HTTP as a phone
 * would use it: the link from the text, the cookie it is exchanged for, and
 * each screen's form read from the page and posted back.
 */
import { formOf } from '../../simulate/form-visitor.js';
import type { Scenario } from './scenario.js';

// The phone's reading of a page and of a text is the simulator's: one parser for both.
export { formOf, tokenIn } from '../../simulate/form-visitor.js';

/**
 * A cadence of one wellness check-in (week 1) and the questionnaire (the 2nd
 * Wednesday), at 10:00, fixed: a patient who leaves texts unanswered keeps
 * getting the link by text (the learned sequence would call them; its own
 * test is test/bot/sequence.test.ts).
 */
export async function useQuestionnaire(s: Scenario, questionnaire?: { parts: string[] }) {
  const cadence = {
    time: '10:00',
    slots: [
      { week: 1, weekday: 'tuesday', flow: 'wellness' },
      { week: 2, weekday: 'wednesday', flow: 'questionnaire' },
    ],
  };
  const response = await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: { cadence, channelChoice: 'fixed', ...(questionnaire ? { questionnaire } : {}) } });
  if (response.status !== 200) throw new Error(`cadence not set: ${JSON.stringify(response.body)}`);
  await s.runDue();
}

export interface Page {
  status: number;
  html: string;
  location: string | undefined;
  headers: Record<string, unknown>;
}

/** One phone's visit: the cookie its link gave it. */
export class FormVisitor {
  cookie: string | null = null;
  constructor(
    private readonly s: Scenario,
    readonly ip = '203.0.113.7',
  ) {}

  async request(method: 'GET' | 'POST', url: string, fields?: Record<string, string>): Promise<Page> {
    const response = await this.s.t.service.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: `ccm_form=${this.cookie}` } : {}),
        ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(fields ? { payload: new URLSearchParams(fields).toString() } : {}),
    });
    const set = response.headers['set-cookie'];
    const cookie = /ccm_form=([^;]*)/.exec(Array.isArray(set) ? set.join(';') : (set ?? ''))?.[1];
    if (cookie) this.cookie = cookie;
    return { status: response.statusCode, html: response.body, location: response.headers.location as string | undefined, headers: response.headers };
  }

  /** Opens the text's link: the token is exchanged for the cookie. */
  open(token: string): Promise<Page> {
    return this.request('GET', `/q/${token}`);
  }

  /** Posts the screen on `page` with these answers (by linkId; questions not given are left blank). */
  post(page: Page, answers: Record<string, string>): Promise<Page> {
    const { hidden, names } = formOf(page.html);
    const fields: Record<string, string> = { ...hidden };
    for (const name of names) if (answers[name] !== undefined) fields[name] = answers[name]!;
    return this.request('POST', '/q', fields);
  }

  /**
   * Answers screen after screen from `answers` until the form is sent (or a
   * screen is not taken, or the crisis page comes); returns the last response
   * and the screens it went through.
   */
  async answerAll(answers: Record<string, string>, limit = 30): Promise<{ last: Page; screens: string[] }> {
    const screens: string[] = [];
    for (let i = 0; i < limit; i++) {
      const page = await this.request('GET', '/q');
      const screen = formOf(page.html).hidden.screen;
      if (!screen) return { last: page, screens };
      screens.push(screen);
      const posted = await this.post(page, answers);
      if (posted.status !== 303 || posted.location !== '/q') return { last: posted, screens };
    }
    throw new Error('the form never ended');
  }
}
