/**
 * today: how long the coordinator's pages take to render for a practice of
 * 400 patients with a year of history, on the embedded database (PGlite), in
 * one process through app.inject (server time only: no network, no browser).
 * Seeds with bulk SQL: per patient ~40 texts and ~30 readings over the year,
 * a few alerts (resolved), ~5% of patients with one still open, and staff
 * time twice a month. Then, signed in as a coordinator, renders Today 200
 * times, one patient's page and the practice's month list 20 times each, and
 * prints p50 and p99 per render. Prints figures only; asserts no timing.
 */
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createService } from '../src/service.js';
import { openDatabase } from '../src/store/database.js';

const PATIENTS = Number(process.env.BENCH_TODAY_PATIENTS ?? 400);
const TODAY_RENDERS = 200;
const PAGE_RENDERS = 20;
/** Tuesday Nov 24 2026, 10:00 in Chicago: the 24th, so the month's non-responders are on the call list. */
const NOW = '2026-11-24T16:00:00Z';
const EMAIL = 'nora@bench.example';
const PASSWORD = 'correct horse battery staple';

const config = loadConfig({ NODE_ENV: 'development', ADMIN_TOKEN: 'bench-admin-token-0123456789', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000' });
const logger = createLogger('warn');
const db = await openDatabase({ dataDir: 'memory://', logger });
const clock = new ManualClock(NOW);
const service = await createService(config, { db, logger, clock });
const { pool } = db;
const app = service.app;

/** Bulk seed: every table in one statement each, from generate_series. */
async function seed(): Promise<{ practiceId: string; patientId: string }> {
  const t0 = performance.now();
  const practiceId = (
    await pool.query<{ id: string }>(
      `INSERT INTO practices (name, timezone, phone_number, contact_phone, created_at, updated_at)
       VALUES ('Riverside Family Medicine', 'America/Chicago', '+15550000000', '+15551234567', $1::timestamptz - interval '2 years', $1) RETURNING id`,
      [NOW],
    )
  ).rows[0]!.id;
  const staff = (
    await pool.query<{ id: string; name: string }>(
      `INSERT INTO coordinators (practice_id, name, phone, role, on_call_order, staff_role, credential)
       VALUES ($1, 'Nora Nurse', '+15550000101', 'nurse', 1, 'clinical_staff', 'RN'),
              ($1, 'Sam Carter', '+15550000102', 'medical_assistant', 2, 'clinical_staff', 'MA'),
              ($1, 'Dr. Ana Lee', NULL, 'physician', NULL, 'practitioner', 'MD')
       RETURNING id, name`,
      [practiceId],
    )
  ).rows;
  const [nora, sam, doctor] = staff.map((s) => s.id);

  // Patients: most replied this month; one in 10 has not since the month began (the call list), one in 97 is unreachable.
  await pool.query(
    `INSERT INTO patients (practice_id, coordinator_id, first_name, last_name, phone, date_of_birth, language, preferred_channel, conditions,
       consent_status, consent_method, consent_recorded_at, consent_recorded_by, created_at, updated_at, last_reply_at, unreachable_at, triage_level)
     SELECT $1, CASE WHEN n % 2 = 0 THEN $3::uuid ELSE $4::uuid END,
            (ARRAY['Maria','Walter','Ruth','James','Linda','Robert','Patricia','John','Barbara','Carlos'])[1 + n % 10],
            (ARRAY['Gonzalez','Brooks','Okafor','Smith','Nguyen','Johnson','Garcia','Miller','Davis','Lopez'])[1 + (n / 10) % 10] || ' ' || n,
            '+1555' || lpad((3000000 + n)::text, 7, '0'),
            date '1940-01-01' + (n * 37 % 9000),
            CASE WHEN n % 5 = 0 THEN 'es' ELSE 'en' END,
            CASE WHEN n % 7 = 0 THEN 'voice' ELSE 'sms' END,
            ARRAY['hypertension', CASE WHEN n % 3 = 0 THEN 'heart failure' ELSE 'type 2 diabetes' END],
            'granted', 'verbal', $2::timestamptz - interval '400 days', 'Nora Nurse, RN',
            $2::timestamptz - interval '400 days', $2,
            CASE WHEN n % 10 = 0 THEN $2::timestamptz - interval '30 days' ELSE $2::timestamptz - (n % 20) * interval '1 day' END,
            CASE WHEN n % 97 = 0 THEN $2::timestamptz - interval '5 days' END,
            CASE WHEN n % 20 = 0 THEN 'elevated' ELSE 'routine' END
     FROM generate_series(1, $5::int) AS n`,
    [practiceId, NOW, nora, sam, PATIENTS],
  );
  const patients = `SELECT id, row_number() OVER (ORDER BY seq) AS n, phone FROM patients WHERE practice_id = $1`;

  // ~40 texts a patient over the year: 20 from the bot (check-ins), 20 answers from the patient a few minutes later.
  await pool.query(
    `INSERT INTO messages (practice_id, patient_id, direction, kind, from_number, to_number, body, status, created_at, updated_at, sent_at)
     SELECT $1, p.id, d.direction, d.kind, d.from_number, d.to_number, d.body, d.status, d.at, d.at, d.sent_at
     FROM (${patients}) p
     CROSS JOIN generate_series(1, 20) AS k
     CROSS JOIN LATERAL (
       SELECT $2::timestamptz - interval '365 days' + k * interval '18 days' + (p.n % 5) * interval '1 hour' AS asked
     ) t
     CROSS JOIN LATERAL (VALUES
       ('outbound', 'check_in', '+15550000000', p.phone, 'Hi, this is Riverside Family Medicine. How have you been feeling this week? Reply 1-5.', 'delivered', t.asked, t.asked),
       ('inbound', 'patient_text', p.phone, '+15550000000', 'Doing ok, my pressure was ' || (120 + (p.n * k) % 40) || '/' || (75 + (p.n + k) % 20), 'received', t.asked + interval '7 minutes', NULL::timestamptz)
     ) AS d(direction, kind, from_number, to_number, body, status, at, sent_at)`,
    [practiceId, NOW],
  );

  // ~30 readings a patient: 24 blood pressures, 6 blood sugars, spread over the year.
  await pool.query(
    `INSERT INTO observations (practice_id, patient_id, kind, value, observed_at)
     SELECT $1, p.id,
            CASE WHEN k % 5 = 0 THEN 'glucose' ELSE 'blood_pressure' END,
            CASE WHEN k % 5 = 0 THEN jsonb_build_object('mgdl', 90 + (p.n * 7 + k * 13) % 110)
                 ELSE jsonb_build_object('systolic', 118 + (p.n * 3 + k * 11) % 50, 'diastolic', 72 + (p.n + k * 7) % 25) END,
            $2::timestamptz - interval '365 days' + k * interval '12 days' + (p.n % 7) * interval '1 hour'
     FROM (${patients}) p CROSS JOIN generate_series(1, 30) AS k`,
    [practiceId, NOW],
  );

  // Alerts: 2 to 4 a patient over the year, acknowledged and resolved.
  await pool.query(
    `INSERT INTO alerts (practice_id, patient_id, level, reason, status, explanation, review_due_at, acknowledged_at, acknowledged_by,
       resolved_at, resolved_by, resolution_note, created_at, updated_at, escalated_at)
     SELECT $1, p.id, a.level, a.reason, 'resolved', a.explanation,
            CASE WHEN a.level = 'elevated' THEN t.at + interval '1 day' END,
            t.at + interval '20 minutes', $3, t.at + interval '3 hours', $3, 'Called the patient; advice given, follow-up booked.',
            t.at, t.at + interval '3 hours', CASE WHEN a.level = 'urgent' THEN t.at END
     FROM (${patients}) p
     CROSS JOIN LATERAL generate_series(1, 2 + p.n::int % 3) AS k
     CROSS JOIN LATERAL (SELECT $2::timestamptz - interval '360 days' + (k * 97 + p.n) % 330 * interval '1 day' AS at) t
     CROSS JOIN LATERAL (SELECT
       CASE WHEN k % 3 = 0 THEN 'urgent' ELSE 'elevated' END AS level,
       CASE WHEN k % 3 = 0 THEN 'red_flag:chest_pain' WHEN k % 3 = 1 THEN 'bp_high' ELSE 'missed_doses' END AS reason,
       CASE WHEN k % 3 = 0 THEN 'Reported chest pain' WHEN k % 3 = 1 THEN 'Blood pressure 168/98' ELSE 'Missed 3 doses this week' END AS explanation) a`,
    [practiceId, NOW, nora],
  );
  // Still open: one patient in 20 (5%), half urgent (raised this morning), half elevated reviews.
  await pool.query(
    `INSERT INTO alerts (practice_id, patient_id, level, reason, status, explanation, review_due_at, acknowledged_at, acknowledged_by, created_at, updated_at, escalated_at)
     SELECT $1, p.id,
            CASE WHEN p.n % 40 = 0 THEN 'urgent' ELSE 'elevated' END,
            CASE WHEN p.n % 40 = 0 THEN 'red_flag:chest_pain' ELSE 'bp_high' END,
            CASE WHEN p.n % 80 = 0 THEN 'acknowledged' ELSE 'open' END,
            CASE WHEN p.n % 40 = 0 THEN 'Reported chest pain' ELSE 'Blood pressure 168/98' END,
            CASE WHEN p.n % 40 = 0 THEN NULL ELSE $2::timestamptz + (p.n % 3 - 1) * interval '1 day' END,
            CASE WHEN p.n % 80 = 0 THEN $2::timestamptz - interval '10 minutes' END,
            CASE WHEN p.n % 80 = 0 THEN $3::uuid END,
            $2::timestamptz - (p.n % 5) * interval '1 hour', $2, $2
     FROM (${patients}) p WHERE p.n % 20 = 0`,
    [practiceId, NOW, nora],
  );

  // Staff time twice a month for the year, this month included; a practitioner's now and then.
  await pool.query(
    `INSERT INTO time_entries (practice_id, patient_id, staff_id, activity, started_at, ended_at, note, source, recorded_by, recorded_at)
     SELECT $1, p.id, CASE WHEN k % 6 = 0 THEN $5::uuid WHEN p.n % 2 = 0 THEN $3::uuid ELSE $4::uuid END,
            (ARRAY['call', 'data_review', 'care_plan_update', 'medication_reconciliation', 'care_coordination'])[1 + (p.n + k) % 5],
            t.at, t.at + (8 + (p.n * k) % 18) * interval '1 minute', 'Reviewed readings and called the patient.', 'manual', 'Nora Nurse', t.at
     FROM (${patients}) p
     CROSS JOIN generate_series(0, 23) AS k
     CROSS JOIN LATERAL (
       SELECT date_trunc('month', ($2::timestamptz - interval '11 months') AT TIME ZONE 'America/Chicago') AT TIME ZONE 'America/Chicago'
              + (k / 2) * interval '1 month' + (2 + (k % 2) * 12 + p.n % 5) * interval '1 day' + interval '15 hours' AS at
     ) t
     WHERE t.at < $2::timestamptz`,
    [practiceId, NOW, nora, sam, doctor],
  );
  await pool.query('ANALYZE');
  const patientId = (await pool.query<{ id: string }>(`SELECT id FROM patients WHERE practice_id = $1 ORDER BY seq LIMIT 1`, [practiceId])).rows[0]!.id;
  console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { practiceId, patientId };
}

/** Signs in through the form, as a browser does; returns the session cookie. */
async function signIn(practiceId: string, staffId: string): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: `/api/v1/practices/${practiceId}/users`,
    headers: { authorization: `Bearer ${config.adminToken}` },
    payload: { name: 'Nora Nurse', email: EMAIL, role: 'coordinator', password: PASSWORD, staffId },
  });
  if (login.statusCode !== 201) throw new Error(`login not made: ${login.statusCode} ${login.body.slice(0, 200)}`);
  const response = await app.inject({
    method: 'POST',
    url: '/app/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email: EMAIL, password: PASSWORD, next: '/app' }).toString(),
  });
  const cookie = String(response.headers['set-cookie'] ?? '').split(';')[0];
  if (response.statusCode !== 303 || !cookie) throw new Error(`sign-in failed: ${response.statusCode} ${response.body.slice(0, 200)}`);
  return cookie;
}

/** Renders `url` `times` times in a row; milliseconds per render, sorted. */
async function renders(url: string, cookie: string, times: number): Promise<{ ms: number[]; bytes: number }> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    ms.push(performance.now() - t0);
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
    bytes = response.body.length;
  }
  return { ms: ms.sort((a, b) => a - b), bytes };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const line = (label: string, r: { ms: number[]; bytes: number }) =>
  `  ${label.padEnd(36)} p50 ${percentile(r.ms, 50).toFixed(1)} ms, p99 ${percentile(r.ms, 99).toFixed(1)} ms over ${r.ms.length} renders (${Math.round(r.bytes / 1024)} KiB)`;

try {
  console.log(`\ntoday: the coordinator's pages for ${PATIENTS} patients with a year of history, embedded database (PGlite), app.inject`);
  const { practiceId, patientId } = await seed();
  const nora = (await pool.query<{ id: string }>(`SELECT id FROM coordinators WHERE practice_id = $1 AND name = 'Nora Nurse'`, [practiceId])).rows[0]!.id;
  const counts = (
    await pool.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM messages) AS messages,
              (SELECT count(*) FROM observations) AS observations, (SELECT count(*) FROM time_entries) AS time_entries,
              (SELECT count(*) FROM alerts) AS alerts,
              (SELECT count(*) FROM alerts WHERE status <> 'resolved') AS unresolved,
              (SELECT count(*) FROM alerts WHERE status <> 'resolved' AND level = 'urgent') AS urgent`,
    )
  ).rows[0]!;
  console.log(
    `  ${counts.patients} patients; ${counts.messages} texts, ${counts.observations} readings, ${counts.time_entries} time entries; ` +
      `${counts.alerts} alerts, ${counts.unresolved} unresolved (${counts.urgent} urgent)`,
  );
  const cookie = await signIn(practiceId, nora);

  const today = await renders('/app', cookie, TODAY_RENDERS);
  const listed = await app.inject({ method: 'GET', url: '/app', headers: { cookie } });
  const shown = (re: RegExp) => (listed.body.match(re) ?? []).length;
  console.log(`  Today lists ${shown(/class="alert urgent"/g)} urgent alerts, ${shown(/class="alert elevated/g)} reviews and the call list (${shown(/<li>\s*<a href="\/app\/patients\//g)} patients)`);
  console.log(line('Today (GET /app)', today));
  console.log(line('a patient (GET /app/patients/:id)', await renders(`/app/patients/${patientId}`, cookie, PAGE_RENDERS)));
  console.log(line('the month (GET /app/months)', await renders('/app/months', cookie, PAGE_RENDERS)));
  const audit = (await pool.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log`)).rows[0]!.n;
  console.log(`  (each render is also written to the access log: ${audit} rows by the end)`);
} finally {
  await service.stop();
  await db.close();
}
