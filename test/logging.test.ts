import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './helpers/service.js';
import { apiClient, createPractice, patientBody, type ApiClient } from './helpers/api.js';
import { text } from './helpers/twilio.js';
import { browserFor, signInAs } from './web/signed-in.js';

let t: TestService;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestService({ LOG_LEVEL: 'trace' });
  admin = apiClient(t.service.app);
});
afterAll(() => t.close());

const PHI = {
  firstName: 'Zebulon',
  lastName: 'Quackenbush',
  phone: '(555) 613-7788',
  e164: '+15556137788',
  dateOfBirth: '1939-02-17',
};

describe('PHI never reaches the logs', () => {
  it('keeps names, phones and birth dates out of request logs, errors included', async () => {
    const practice = await createPractice(admin);
    const body = patientBody({ firstName: PHI.firstName, lastName: PHI.lastName, phone: PHI.phone, dateOfBirth: PHI.dateOfBirth });
    const created = await admin.post(`/api/v1/practices/${practice.id}/patients`, body);
    expect(created.status).toBe(201);
    expect((await admin.post(`/api/v1/practices/${practice.id}/patients`, body)).status).toBe(409);
    expect((await admin.get(`/api/v1/patients/${created.body.id}`)).status).toBe(200);
    expect((await admin.patch(`/api/v1/patients/${created.body.id}`, { phone: 'not a phone' })).status).toBe(400);

    expect(t.logs.lines.length).toBeGreaterThan(4);
    for (const value of Object.values(PHI)) expect(t.logs.text).not.toContain(value);
  });

  it('keeps message bodies and phone numbers out of the logs of a whole conversation', async () => {
    const practice = await createPractice(admin);
    const patient = (await admin.post(`/api/v1/practices/${practice.id}/patients`, patientBody({ phone: '(555) 613-9911' }))).body;
    const started = await admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    expect(started.status).toBe(202);
    const said = ['2', 'my left knee is swollen like a melon', 'severe', 'I also have crushing chest pain', 'STOP'];
    for (const body of said) await text(t.service.app, '+15556139911', practice.phoneNumber, body);
    await text(t.service.app, '+15550000042', practice.phoneNumber, 'who is this, my name is Bartholomew');

    expect(t.logs.text).toContain('"twilioSid":"SM');
    for (const value of ['swollen like a melon', 'crushing chest pain', 'Bartholomew', '+15556139911', '5556139911', '+15550000042']) {
      expect(t.logs.text).not.toContain(value);
    }
  });

  it('keeps sign-in addresses, passwords and what the pages show out of the logs of the web app', async () => {
    const practice = await createPractice(admin);
    const patient = (await admin.post(`/api/v1/practices/${practice.id}/patients`, patientBody({ firstName: 'Philomena', lastName: 'Gruber', phone: '(555) 613-4242' }))).body;
    await admin.post(`/api/v1/practices/${practice.id}/users`, { name: 'Wilhelmina Pratt', email: 'w.pratt@clinic.example', role: 'coordinator', password: 'ostrich lantern velvet' });
    const failed = await browserFor(t.service.app).post('/app/login', { email: 'w.pratt@clinic.example', password: 'wrong guess here' }, { csrf: null });
    expect(failed.status).toBe(401);
    const browser = await signInAs(t.service.app, 'w.pratt@clinic.example', 'ostrich lantern velvet');
    await text(t.service.app, '+15556134242', practice.phoneNumber, 'my chest is tight and hurts');
    expect((await browser.get('/app')).body).toContain('Gruber');
    expect((await browser.get(`/app/patients/${patient.id}`)).status).toBe(200);
    expect((await browser.get(`/app/patients/${patient.id}/months/2026-11`)).status).toBe(200);

    expect(t.logs.text).toContain('/app/patients/');
    for (const value of ['w.pratt@clinic.example', 'ostrich lantern velvet', 'wrong guess here', 'Wilhelmina', 'Philomena', 'Gruber', '5556134242', 'chest is tight']) {
      expect(t.logs.text).not.toContain(value);
    }
  });

  it('censors PHI fields and database error details that reach a log call', () => {
    t.logger.error(
      {
        patient: { firstName: PHI.firstName, phone: PHI.e164, dateOfBirth: PHI.dateOfBirth },
        err: Object.assign(new Error('duplicate key value violates unique constraint'), {
          detail: `Key (practice_id, phone)=(x, ${PHI.e164}) already exists.`,
        }),
        Body: 'I have chest pain',
      },
      'something failed',
    );
    const line = t.logs.lines.at(-1)!;
    expect(line).toContain('something failed');
    expect(line).toContain('[redacted]');
    for (const value of [PHI.firstName, PHI.e164, PHI.dateOfBirth, 'chest pain']) expect(line).not.toContain(value);
  });
});
