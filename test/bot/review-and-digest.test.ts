import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { createService } from '../../src/service.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { ACCOUNT_SID, ADMIN_TOKEN, AUTH_TOKEN, LogCapture, PUBLIC_URL } from '../helpers/service.js';
import { enqueueJob } from '../../src/store/job-queue.js';
import { scheduleRecurring } from '../../src/jobs/definitions.js';
import { listForCall } from '../../src/store/candidates.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const HOUR = 60 * 60 * 1000;
const digestsTo = (phone: string) => s.sentTo(phone).filter((m) => m.Body.startsWith('Good morning from ccm-bot'));

describe('an elevated alert waiting for review', () => {
  it('is marked overdue at its deadline and texted to the first on-call coordinator; one reviewed in time is not', async () => {
    const waiting = await s.newPatient({ firstName: 'Wanda', lastName: 'Reyes' });
    const reviewed = await s.newPatient({ firstName: 'Rita', lastName: 'Moss' });
    expect(await s.say(waiting, 'my feet are swollen again')).toEqual([expect.stringContaining('will look at what you wrote')]);
    await s.say(reviewed, 'I have a question about my pills');
    const [overdue] = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${waiting.id}`)).body.data;
    const [onTime] = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${reviewed.id}`)).body.data;
    expect(overdue).toMatchObject({ level: 'elevated', reason: 'concern:swelling', patientText: 'my feet are swollen again', overdue: false });
    expect(Date.parse(overdue.reviewDueAt) - Date.parse(overdue.createdAt)).toBe(48 * HOUR);
    await s.admin.post(`/api/v1/alerts/${onTime.id}/acknowledge`, { coordinatorId: s.coordinator.id });

    await s.advance(48 * HOUR - 1000);
    expect((await s.admin.get(`/api/v1/alerts/${overdue.id}`)).body.overdue).toBe(false);
    await s.advance(1000);
    expect((await s.admin.get(`/api/v1/alerts/${overdue.id}`)).body.overdue).toBe(true);
    expect((await s.admin.get(`/api/v1/alerts/${onTime.id}`)).body.overdue).toBe(false);
    const texts = s.sentTo(s.coordinator.phone).filter((m) => m.Body.includes('review is overdue'));
    expect(texts.map((m) => m.Body)).toEqual([
      'Riverside Family Medicine: a review is overdue. Wanda Reyes (swelling) has waited 48 hours. Alert ' + overdue.id.slice(0, 8),
    ]);
    await s.admin.post(`/api/v1/alerts/${overdue.id}/resolve`, { coordinatorId: s.coordinator.id, note: 'Called; compression socks.' });
  });
});

describe('the morning digest', () => {
  it('texts each active coordinator the counts at 07:30 in the practice, once a day, naming nobody', async () => {
    const quiet = (await s.admin.post(`/api/v1/practices/${s.practice.id}/coordinators`, { name: 'Quinn', phone: '(555) 300-0009', role: 'nurse', receivesDigest: false })).body;
    const patient = await s.newPatient({ firstName: 'Zed' });
    await s.say(patient, 'chest pain');
    await s.runDue();
    // Tomorrow 07:30 in Chicago.
    const now = s.clock.now();
    const local = new Date(now.getTime() - 6 * HOUR);
    const tomorrow = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, 13, 30));
    const before = digestsTo(s.coordinator.phone).length;
    await s.advanceTo(new Date(tomorrow.getTime() - 1000));
    expect(digestsTo(s.coordinator.phone)).toHaveLength(before);
    await s.advanceTo(tomorrow);
    const digest = digestsTo(s.coordinator.phone).at(-1)!;
    expect(digestsTo(s.coordinator.phone)).toHaveLength(before + 1);
    expect(digest.Body).toMatch(/^Good morning from ccm-bot for Riverside Family Medicine: \d+ urgent alerts open, \d+ reviews waiting \(\d+ overdue\), \d+ patients to call today, \d+ texts from unknown numbers to read\.$/);
    expect(digest.Body).not.toContain('Zed');
    expect(digestsTo(quiet.phone)).toEqual([]);
    // The next one, a day later, and no other in between.
    await s.advance(24 * HOUR - 1000);
    expect(digestsTo(s.coordinator.phone)).toHaveLength(before + 1);
    await s.advance(1000);
    expect(digestsTo(s.coordinator.phone)).toHaveLength(before + 2);
  });

  it('goes out once however many instances run on one database, and however often its job runs', async () => {
    // A second service on the same database: its start schedules the digests again.
    const config = loadConfig({ NODE_ENV: 'test', ADMIN_TOKEN, PUBLIC_URL, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, LOG_LEVEL: 'silent' });
    const second = await createService(config, { db: s.t.db, clock: s.clock, logger: createLogger('silent', new LogCapture()) });
    await scheduleRecurring(second.runtime);
    await scheduleRecurring(s.t.service.runtime);
    const next = await s.t.db.pool.query("SELECT key, due_at FROM scheduled_runs WHERE kind = 'digest' AND done_at IS NULL");
    expect(next.rows).toHaveLength(1);
    // And a duplicate job for the same morning, as a crash and a retry could leave.
    const [practiceId, date] = next.rows[0].key.split(':');
    await enqueueJob(s.t.db.pool, 'digest.send', { practiceId, date }, { runAt: next.rows[0].due_at, now: s.clock.now() });
    const before = digestsTo(s.coordinator.phone).length;
    s.clock.set(next.rows[0].due_at);
    await Promise.all([s.t.service.jobs.runDue(), second.jobs.runDue()]);
    await s.runDue();
    expect(digestsTo(s.coordinator.phone)).toHaveLength(before + 1);
    await second.stop();
  });

  it('moves with the practice: a new digest time takes effect from the next morning', async () => {
    await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { digestTime: '06:45' });
    const { rows } = await s.t.db.pool.query("SELECT due_at FROM scheduled_runs WHERE kind = 'digest' AND done_at IS NULL");
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0].due_at).getUTCHours() * 60 + new Date(rows[0].due_at).getUTCMinutes()).toBe(12 * 60 + 45); // 06:45 CST
  });

  it('counts the candidates left to call about an invitation, as Today does, and names none of them', async () => {
    const practitioner = await s.admin.post(`/api/v1/practices/${s.practice.id}/staff`, { name: 'Dr. Alan Grant', role: 'practitioner', credential: 'MD' });
    const candidate = await s.admin.post(`/api/v1/practices/${s.practice.id}/candidates`, {
      firstName: 'Ines',
      lastName: 'Invited',
      phone: '(555) 300-0077',
      conditions: ['hypertension', 'COPD'],
      billingPractitionerId: practitioner.body.id,
      lastVisitOn: '2026-08-14',
    });
    expect(candidate.status).toBe(201);
    await listForCall(s.t.db.pool, candidate.body.id, 'no_answer', s.clock.now());
    const { rows } = await s.t.db.pool.query("SELECT due_at FROM scheduled_runs WHERE kind = 'digest' AND done_at IS NULL");
    const before = digestsTo(s.coordinator.phone).length;
    await s.advanceTo(new Date(rows[0].due_at));
    expect(digestsTo(s.coordinator.phone)).toHaveLength(before + 1);
    const digest = digestsTo(s.coordinator.phone).at(-1)!;
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body;
    expect(list.invitations).toHaveLength(1);
    expect(digest.Body).toContain(`, ${list.data.length + 1} to call today (1 about an invitation), `);
    expect(digest.Body).not.toContain('patients to call');
    expect(digest.Body).not.toContain('Ines');
  });
});
