import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_PARTS, WEEK2_QUESTIONNAIRE_URL, week2Questionnaire, type QuestionItem } from '../../../src/flows/questionnaire/index.js';

const MEDICINES = [
  { id: 'lis', name: 'lisinopril' },
  { id: 'met', name: 'metformin' },
];
const everything = () => week2Questionnaire({ parts: QUESTIONNAIRE_PARTS, medicines: MEDICINES });
const items = (definition = everything()): QuestionItem[] => definition.screens.flatMap((s) => s.items);

describe('the week-2 questionnaire', () => {
  it('names itself by a canonical URL and version', () => {
    expect(everything()).toMatchObject({ url: WEEK2_QUESTIONNAIRE_URL, version: expect.stringMatching(/^1-[0-9a-f]{12}$/) });
    // Another patient's medicines make another form: another version, so url|version names one set of questions.
    const other = week2Questionnaire({ parts: [...QUESTIONNAIRE_PARTS], medicines: [{ id: 'm-9', name: 'Warfarin' }] });
    expect(other.version).not.toBe(everything().version);
    expect(week2Questionnaire({ parts: [...QUESTIONNAIRE_PARTS], medicines: [{ id: 'm-9', name: 'Warfarin' }] }).version).toBe(other.version);
  });

  it('has only the parts a practice uses, in the set order whatever order they are asked in', () => {
    const definition = week2Questionnaire({ parts: ['message', 'health', 'falls'], medicines: MEDICINES });
    expect(definition.parts).toEqual(['health', 'falls', 'message']);
    expect([...new Set(definition.screens.map((s) => s.part))]).toEqual(['health', 'falls', 'message']);
    expect(items(definition).some((i) => i.linkId.startsWith('phq.') || i.linkId.startsWith('medicine.'))).toBe(false);
  });

  it('asks about each of the patient\'s medicines by name, one screen each, "why" on a screen after it', () => {
    const screens = week2Questionnaire({ parts: ['medicines'], medicines: MEDICINES }).screens;
    expect(screens.map((s) => s.id)).toEqual(['medicine.lis', 'medicine.lis.reason', 'medicine.met', 'medicine.met.reason']);
    expect(screens[0]!.items[0]!.text.en).toBe('In the last week, did you take lisinopril as prescribed?');
    expect(screens[2]!.items[0]!.text.es).toBe('En la última semana, ¿tomó metformin como se lo recetaron?');
    expect(screens[1]!.items.map((i) => i.linkId)).toEqual(['medicine.lis.why', 'medicine.lis.note']);
    expect(screens[1]!.items[0]!.options!.map((o) => o.value)).toEqual(['forgot', 'side_effects', 'ran_out', 'cost', 'other']);
    expect(week2Questionnaire({ parts: ['medicines'], medicines: [] }).screens).toEqual([]);
  });

  it('gives every linkId and screen id once', () => {
    const ids = [...everything().screens.map((s) => s.id), ...items().map((i) => i.linkId)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the PHQ-9 in order with its LOINC codes, the PHQ-2 first, all required', () => {
    const phq = items().filter((i) => i.linkId.startsWith('phq.'));
    expect(phq.map((i) => i.linkId)).toEqual(['phq.1', 'phq.2', 'phq.3', 'phq.4', 'phq.5', 'phq.6', 'phq.7', 'phq.8', 'phq.9']);
    expect(phq.map((i) => i.code?.code)).toEqual(['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8']);
    expect(phq.every((i) => i.required && i.code?.system === 'http://loinc.org')).toBe(true);
    expect(phq[0]!.options!.map((o) => [o.coding?.code, o.score])).toEqual([
      ['LA6568-5', 0],
      ['LA6569-3', 1],
      ['LA6570-1', 2],
      ['LA6571-9', 3],
    ]);
    // Item 9 alone on its screen: what follows it can be the 988 page.
    expect(everything().screens.find((s) => s.items.some((i) => i.linkId === 'phq.9'))!.items).toHaveLength(1);
  });

  it('has self-rated health as PROMIS Global01 with its LOINC answers, and the readings with theirs', () => {
    const health = items().find((i) => i.linkId === 'health.general')!;
    expect(health.code?.code).toBe('61577-3');
    expect(health.options!.map((o) => [o.value, o.coding?.code, o.score])).toEqual([
      ['excellent', 'LA9206-9', 5],
      ['very_good', 'LA13913-1', 4],
      ['good', 'LA8967-7', 3],
      ['fair', 'LA8968-5', 2],
      ['poor', 'LA8969-3', 1],
    ]);
    const readings = items().filter((i) => i.linkId.startsWith('reading.'));
    expect(readings.map((i) => [i.code?.code, i.min, i.max, i.unit, i.required])).toEqual([
      ['8480-6', 60, 260, 'mm[Hg]', false],
      ['8462-4', 30, 160, 'mm[Hg]', false],
      ['2339-0', 20, 600, 'mg/dL', false],
      ['29463-7', 50, 700, 'lb', false],
    ]);
    expect(readings[0]!.hint).toEqual({ en: 'e.g. 130', es: 'Por ejemplo: 130' });
  });

  it('speaks Spanish on every screen, question and answer', () => {
    const definition = everything();
    const spanish = [
      definition.title,
      ...definition.screens.map((s) => s.title),
      ...items(definition).flatMap((i) => [i.text, ...(i.hint ? [i.hint] : []), ...(i.options ?? []).map((o) => o.text)]),
    ];
    for (const text of spanish) expect(text.es.trim(), text.en).not.toBe('');
    // Every question reads differently in Spanish (an answer such as "No" may be the same word).
    for (const item of items(definition)) expect(item.text.es, item.linkId).not.toBe(item.text.en);
    expect(items(definition).find((i) => i.linkId === 'phq.2')!.text.es).toBe('Se ha sentido decaído(a), deprimido(a) o sin esperanzas');
  });
});
