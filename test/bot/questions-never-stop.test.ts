/**
 * Never act on a guess: a question is answered, and never stops texts to a
 * patient (opt-out, wrong number), whatever words it holds. Only a carrier
 * keyword standing alone, or a statement, stops anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const QUESTIONS = [
  'who is this?',
  'is this a wrong number?',
  'did you text the wrong person?',
  'who are you and how did you get my number?',
  'is this the clinic?',
  'can i stop getting these texts?',
  'how do i make these stop',
  'what happens if i stop answering?',
  'do i have to answer these every time?',
  'is this a real person or a computer?',
  'wrong number? who is maria',
  'why are you texting me?',
  'what does cancel mean here?',
  'not interested?',
  'did the doctor say to stop the metformin?',
  'Quién me está escribiendo? no conozco este número',
  '¿quién me escribe?',
  '¿número equivocado?',
  '¿es de la clínica?',
  '¿cómo consiguieron mi número?',
  '¿puedo dejar de recibir estos mensajes?',
  '¿qué pasa si no contesto?',
  '¿esto me va a costar algo?',
  '¿de dónde me escriben?',
  '¿tengo que contestar todos los días?',
  '¿es una estafa?',
  'quien es? no conozco a esa persona',
  '¿me pueden mandar los mensajes en español?',
  '¿por qué me mandan mensajes?',
  '¿cancelar la cita o qué?',
];

describe('a question never stops texts', () => {
  it('has thirty questions in both languages', () => {
    expect(QUESTIONS).toHaveLength(30);
  });

  it.each(QUESTIONS.map((q, i) => [q, i % 2 === 0] as const))('"%s" (check-in open: %s) is answered, and texting goes on', async (question, open) => {
    const patient = await s.newPatient();
    if (open) await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, question);
    const { rows } = await s.t.db.pool.query('SELECT sms_opted_out_at, phone_invalid_at FROM patients WHERE id = $1', [patient.id]);
    expect(rows[0]).toEqual({ sms_opted_out_at: null, phone_invalid_at: null });
    expect(replies.join(' ')).not.toMatch(/no more texts|ya no va a recibir|wrong number|número equivocado/i);
    const events = await s.t.db.pool.query("SELECT type FROM patient_events WHERE patient_id = $1 AND type IN ('opted_out', 'wrong_number')", [patient.id]);
    expect(events.rows).toEqual([]);
  });

  it('still stops at once on a keyword standing alone or a statement', async () => {
    for (const text of ['STOP', 'who is this? STOP', 'stop texting me', 'can you stop texting me?', '¿pueden dejar de mandarme mensajes?', 'wrong number']) {
      const patient = await s.newPatient();
      await s.say(patient, text);
      const { rows } = await s.t.db.pool.query('SELECT (sms_opted_out_at IS NOT NULL OR phone_invalid_at IS NOT NULL) AS stopped FROM patients WHERE id = $1', [patient.id]);
      expect(rows[0].stopped, text).toBe(true);
    }
  });
});
