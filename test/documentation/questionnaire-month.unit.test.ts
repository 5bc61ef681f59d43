/**
 * The week-2 questionnaire in the month's record: summarised from the
 * definition as sent and the answers, its scores in words in the reported
 * values, in the drafted note, on the printable page, and counted as
 * automated contact (never as minutes).
 */
import { describe, expect, it } from 'vitest';
import { renderMonthHtml } from '../../src/documentation/month-html.js';
import { draftNote } from '../../src/documentation/narrative.js';
import { buildMonthRecord, type MonthSources } from '../../src/documentation/record.js';
import { summariseReported } from '../../src/documentation/reported.js';
import { phqLinkId } from '../../src/flows/questionnaire/index.js';
import { ANSWERS, SENT_AT, SUBMITTED_AT, answeredQuestionnaire, observationsOf, questionnaireIn, questionnaireMonth } from './sample-questionnaire.js';

/** What the store gives for a November with 25 minutes of nurse time and, optionally, the questionnaire. */
function sources(withQuestionnaire: boolean): MonthSources {
  const questionnaire = withQuestionnaire ? questionnaireIn() : null;
  return {
    month: '2026-11',
    period: { start: new Date('2026-11-01T04:00:00.000Z'), end: new Date('2026-12-01T05:00:00.000Z') },
    practice: {
      id: 'practice-1',
      name: 'Riverside Family Medicine',
      timezone: 'America/New_York',
      phone: '+12125550100',
      billing: { model: 'ccm', apcmCode: 'G0557', disabledCodes: [] },
    },
    patient: { id: 'patient-1', firstName: 'Maria', lastName: 'Gonzalez', dateOfBirth: '1948-03-21', phone: '+12125550123', language: 'en' },
    consent: { status: 'granted', method: 'verbal', recordedAt: '2026-10-02T15:30:00.000Z', recordedBy: 'Jane Doe, RN' },
    conditions: ['hypertension', 'type 2 diabetes'],
    carePlan: null,
    decisions: { complex: false, carePlanRevised: false, noteText: null },
    entries: [
      {
        id: 'entry-1',
        staffId: 'staff-jane',
        staffName: 'Jane Doe',
        credential: 'RN',
        staffRole: 'clinical_staff',
        activity: 'data_review',
        start: '2026-11-12T15:00:00.000Z',
        end: '2026-11-12T15:25:00.000Z',
        source: 'manual',
        capturedFrom: null,
        note: 'Reviewed the questionnaire',
      },
    ],
    messages: [
      { id: 'msg-1', at: '2026-11-03T15:00:00.000Z', direction: 'outbound', channel: 'sms', body: 'Hi Maria, how are you feeling today?' },
      { id: 'msg-2', at: '2026-11-03T15:05:00.000Z', direction: 'inbound', channel: 'sms', body: 'good thanks' },
      ...(questionnaire
        ? [
            { id: 'msg-invite-1', at: SENT_AT, direction: 'outbound' as const, channel: 'sms' as const, body: 'Hi Maria, a few questions: https://ccm.example.org/q/[link]' },
            { id: 'msg-form-1', at: SUBMITTED_AT, direction: 'inbound' as const, channel: 'form' as const, body: 'In general, would you say your health is: Fair\nFalls: Yes' },
          ]
        : []),
    ],
    calls: [],
    events: questionnaire
      ? [
          { id: 'ev-1', at: SENT_AT, type: 'questionnaire_sent' },
          { id: 'ev-2', at: '2026-11-11T16:30:00.000Z', type: 'questionnaire_opened' },
          { id: 'ev-3', at: SUBMITTED_AT, type: 'questionnaire_submitted' },
        ]
      : [],
    observations: questionnaire ? observationsOf(questionnaire) : [],
    medications: [{ id: 'med-lis', name: 'lisinopril' }],
    alerts: [],
    questionnaires: questionnaire ? [questionnaire] : [],
    twoWayContact: true,
  };
}

describe('the month record of a patient who answered the questionnaire', () => {
  const record = buildMonthRecord(sources(true));

  it('lists the questionnaire: when, which parts were answered, the PHQ totals with severity, self-rated health', () => {
    expect(record.questionnaires).toHaveLength(1);
    expect(record.questionnaires![0]).toMatchObject({
      id: 'link-1',
      sentAt: SENT_AT,
      submittedAt: SUBMITTED_AT,
      messageId: 'msg-form-1',
      partsAnswered: ['health', 'mood', 'medicines', 'readings', 'falls', 'symptoms', 'message'],
      selfRatedHealth: { answer: 'fair', score: 2 },
      phq2: 4,
      phq9: { score: 14, severity: 'moderate' },
      selfHarmAnswer: null,
    });
  });

  it('counts the questionnaire sent as a contact attempt and the one answered as an interaction, not as texts', () => {
    expect(record.botActivity).toEqual({ textsSent: 2, textsReceived: 1, calls: 0, questionnairesSent: 1, questionnairesAnswered: 1 });
    const form = record.interactions.find((i) => i.id === 'msg-form-1')!;
    expect(form).toMatchObject({ type: 'message', actor: 'patient', channel: 'form', direction: 'inbound' });
    const events = record.interactions.filter((i) => i.type === 'event').map((i) => i.summary);
    expect(events).toEqual(['Questionnaire sent', 'Questionnaire link opened', 'Questionnaire submitted']);
  });

  it('leaves the minutes and the codes as they were: automated contact is never staff time', () => {
    const without = buildMonthRecord(sources(false));
    expect(record.time).toEqual(without.time);
    expect(record.codes).toEqual(without.codes);
    expect(record.warnings).toEqual(without.warnings);
    expect(record.needsReview).toBe(without.needsReview);
  });

  it('drafts a note that says the questionnaire was answered and what it found', () => {
    expect(record.note.text).toContain(
      'Patient answered the monthly questionnaire on Nov 11, covering self-rated health, mood, medicines, home readings, falls, symptoms and a message to the care team: self-rated health fair; PHQ-2 score 4 (positive screen); PHQ-9 score 14 (moderate).',
    );
    expect(record.note.text).toContain('Automated outreach (not billed): 2 texts sent, 1 received, 0 calls; 1 questionnaire sent, 1 answered.');
  });
});

describe('a questionnaire summarised', () => {
  it('counts only answers to questions that were asked: a PHQ-2 under 3 asks no more of the PHQ-9', () => {
    const low = answeredQuestionnaire({ answers: { ...ANSWERS, [phqLinkId(1)]: 'not_at_all', [phqLinkId(2)]: 'several_days' } });
    expect(low.phq2).toBe(1);
    expect(low.phq9).toBeNull();
    expect(low.answers[phqLinkId(3)]).toBeUndefined();
  });

  it('names only the parts with an answer, and item 9 in words when it was answered above "not at all"', () => {
    const q = answeredQuestionnaire({ answers: { [phqLinkId(1)]: 'nearly_every_day', [phqLinkId(2)]: 'nearly_every_day', ...Object.fromEntries([3, 4, 5, 6, 7, 8, 9].map((n) => [phqLinkId(n), 'several_days'])) } });
    expect(q.partsAnswered).toEqual(['mood']);
    expect(q.selfRatedHealth).toBeNull();
    expect(q.phq9).toEqual({ score: 13, severity: 'moderate' });
    expect(q.selfHarmAnswer).toBe('several days');
  });
});

describe('the reported values of a questionnaire, in words', () => {
  it('describes self-rated health and the PHQ-2 and PHQ-9 totals with their meaning', () => {
    const other = summariseReported(observationsOf(), []).other;
    expect(other.map((o) => o.description)).toEqual([
      'Self-rated health: fair',
      'PHQ-2 score 4 (positive screen)',
      'PHQ-9 score 14 (moderate)',
      'Mentioned a fall',
    ]);
    const at = SUBMITTED_AT;
    const described = (kind: string, value: Record<string, unknown>) => summariseReported([{ at, kind, value }], []).other[0]?.description;
    expect(described('depression_screen', { instrument: 'phq2', score: 2 })).toBe('PHQ-2 score 2 (negative screen)');
    expect(described('depression_screen', { instrument: 'phq9', score: 22 })).toBe('PHQ-9 score 22 (severe)');
    expect(described('self_rated_health', { answer: 'very_good', score: 4 })).toBe('Self-rated health: very good');
  });
});

describe('the note of a month with a questionnaire', () => {
  it('reads as a clinician writes: no internal keys, no score said twice, the same five paragraphs', () => {
    const note = questionnaireMonth().note.text;
    expect(note).toContain('Patient answered the monthly questionnaire on Nov 11');
    expect(note).toContain('Also reported by the patient: Nov 11: mentioned a fall.');
    expect(note).not.toMatch(/self_rated|depression_screen|concern_reported|phq[29]\b|\w_\w|undefined|null/);
    expect(note.match(/PHQ-9 score 14/g)).toHaveLength(1);
    expect(note).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+:[a-z]+\b/);
  });

  it('puts a self-harm answer in the note in the instrument\'s words', () => {
    const answers = { ...ANSWERS, [phqLinkId(9)]: 'several_days' };
    const note = draftNote(questionnaireMonth({ questionnaires: [answeredQuestionnaire({ answers })] }));
    expect(note).toContain('PHQ-9 score 15 (moderately severe); PHQ-9 item 9 (thoughts of being better off dead or of self-harm): several days.');
  });

  it('says so when the form came back with nothing answered', () => {
    const note = draftNote(questionnaireMonth({ questionnaires: [answeredQuestionnaire({ answers: {} })], reported: { other: [] } }));
    expect(note).toContain('Patient sent back the monthly questionnaire on Nov 11 with no question answered.');
  });

  it('reads the same as before for a month approved before the questionnaire existed (no list, no counts)', () => {
    const record = questionnaireMonth({ botActivity: { textsSent: 9, textsReceived: 6, calls: 1 } });
    const { questionnaires: _, ...older } = record;
    expect(draftNote(older)).toContain('Automated outreach (not billed): 9 texts sent, 6 received, 1 call.');
    expect(draftNote(older)).not.toContain('questionnaire');
  });
});

describe('the printable month with a questionnaire', () => {
  it('lists the questionnaires answered and shows the form answers in the log, one per line', () => {
    const page = renderMonthHtml(questionnaireMonth());
    expect(page).toContain('<h2>Questionnaires answered</h2>');
    expect(page).toContain(
      '<td>Nov 11, 2026, 11:42 AM EST</td><td>self-rated health, mood, medicines, home readings, falls, symptoms, a message to the care team</td><td>fair</td><td>PHQ-2 score 4 (positive screen)</td><td>PHQ-9 score 14 (moderate)</td>',
    );
    expect(page).toContain('<td>Form, inbound</td>');
    expect(page).toContain('In general, would you say your health is: Fair<br>Little interest or pleasure in doing things More than half the days');
    expect(page).toContain('questionnaires: 1 sent, 1 answered');
    expect(page).not.toContain('self_rated_health');
  });

  it('escapes the answers like every other text from the patient', () => {
    const record = questionnaireMonth({
      interactions: [{ id: 'f', at: SUBMITTED_AT, type: 'message', actor: 'patient', channel: 'form', direction: 'inbound', summary: 'Anything else? <script>alert(1)</script>\nFalls: Yes' }],
    });
    const page = renderMonthHtml(record);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('Anything else? &lt;script&gt;alert(1)&lt;/script&gt;<br>Falls: Yes');
  });

  it('says plainly when no questionnaire was answered', () => {
    expect(renderMonthHtml(questionnaireMonth({ questionnaires: [] }))).toContain('No questionnaire answered this month.');
  });
});
