/**
 * Twilio's requests as the service receives them: form-encoded bodies with
 * the parameters Twilio sends on voice requests, posted with `app.inject` to
 * the path and query of the URL the service gave (unsigned: the simulation
 * runs without Twilio credentials, so the service accepts unsigned webhooks).
 */
import type { Service } from '../src/service.js';

const FORM = 'application/x-www-form-urlencoded';

/** The parameters of every voice request about one call leg. */
export function voiceParams(leg: { sid: string; from: string; to: string; direction: string; ended: boolean }): Record<string, string> {
  return {
    AccountSid: `AC${'0'.repeat(32)}`,
    ApiVersion: '2010-04-01',
    CallSid: leg.sid,
    CallStatus: leg.ended ? 'completed' : 'in-progress',
    Direction: leg.direction,
    From: leg.from,
    To: leg.to,
    Called: leg.to,
    Caller: leg.from,
  };
}

/** Posts the form; returns the body (TwiML, or empty for a 204). A status of 300 or more is noted in `failures` (a finding) and read as empty TwiML. */
export async function postForm(app: Service['app'], url: string, params: Record<string, string>, failures: string[]): Promise<string> {
  const u = new URL(url, 'http://localhost');
  const response = await app.inject({ method: 'POST', url: u.pathname + u.search, headers: { 'content-type': FORM }, payload: new URLSearchParams(params).toString() });
  if (response.statusCode >= 300) {
    failures.push(`${u.pathname} answered ${response.statusCode}`);
    return '<Response/>';
  }
  return response.body;
}
