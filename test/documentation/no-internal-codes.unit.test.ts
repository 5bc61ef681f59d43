/**
 * The note, its HTML print and the FHIR text say everything in words: a
 * month holding one of every kind of observation, event, alert reason, call,
 * activity and warning the code knows (read from the source's unions and
 * tables, so a new kind is covered without editing this test) leaves no
 * snake_case token, no `kind:value` key and no uuid in any of them. The busy
 * month's note is kept as a file a reader can open and judge.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFhirBundle } from '../../src/documentation/fhir/index.js';
import { renderMonthHtml } from '../../src/documentation/month-html.js';
import { CHECK_IN_ENDINGS, EVENT_PHRASES, OBSERVATION_PHRASES, REQUEST_PHRASES, WARNING_TITLES, ANSWERED_BY, CALL_STATUSES } from '../../src/documentation/phrases/index.js';
import { buildMonthRecord, type MonthSources } from '../../src/documentation/record.js';
import { STAFF_ROLES, TIME_ACTIVITIES, type MonthRecord } from '../../src/documentation/types.js';
import { RED_FLAG_CATEGORIES } from '../../src/flows/safety/red-flags/index.js';
import { CONCERN_CATEGORIES, REQUEST_KINDS } from '../../src/flows/understand/index.js';
import { DEFAULT_RULE_SET, REASON_WORDS, reasonWords } from '../../src/triage/index.js';
import { busyMonth, busySources, id, LIS } from './busy-month.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const source = (path: string) => readFileSync(join(SRC, path), 'utf8');
const allSources = (dir = SRC): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allSources(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []));

/** The string members of a union type as the source spells it: `kind: 'x'` members, or `'a' | 'b'`. */
function unionMembers(text: string, start: string, end: string, member: RegExp): string[] {
  const body = text.slice(text.indexOf(start), text.indexOf(end, text.indexOf(start)));
  return [...body.matchAll(member)].map((m) => m[1]!);
}

const OBSERVATION_KINDS = unionMembers(source('flows/types.ts'), 'export type Observation =', 'export type ObservationKind', /kind: '([a-z_]+)'/g);
const CONVERSATION_STATUSES = unionMembers(source('store/conversations.ts'), 'export type ConversationStatus =', ';', /'([a-z_]+)'/g);
const MENU_CONCERNS = unionMembers(source('flows/machines/answers.ts'), 'export type ConcernCategory =', ';', /'([a-z_]+)'/g);
const MISSED_REASONS = unionMembers(source('flows/machines/answers.ts'), 'export type MissedReason =', ';', /'([a-z_]+)'/g).concat('stopped', 'cost');

/** Event types as the source writes them: recordEvent's `type:`, the turn's `event('...')`, and the other writers. */
function eventTypesInSource(): string[] {
  const found = new Set<string>();
  for (const text of allSources()) {
    for (const call of text.matchAll(/recordEvent\([^;]*?\btype: ([^,\n]+)/g)) for (const m of call[1]!.matchAll(/'([a-z_.]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\bevent\('([a-z_.]+)'\)/g)) found.add(m[1]!);
    for (const m of text.matchAll(/escalateReport\(tx, t, '([a-z_.]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/await record\(tx, \w+, '([a-z_.]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/INSERT INTO patient_events[^`]*?SELECT[^`']*'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

/** Alert reasons as the source raises them outside the rules (`reason: '...'` given to raiseAlert). */
function reasonsInSource(): string[] {
  const found = new Set<string>();
  for (const text of allSources()) for (const call of text.matchAll(/raiseAlert\([^;]*?reason: '([a-z_:]+)'/g)) found.add(call[1]!);
  return [...found];
}

/** Every reason an alert can carry: the rules' (one per red flag, concern and request), and those raised elsewhere. */
function everyReason(): string[] {
  const perValue = new Set(['red_flag', 'concern_reported', 'request', 'distress']);
  return [
    ...DEFAULT_RULE_SET.rules.filter((r) => !perValue.has(r.kind)).map((r) => r.id),
    ...RED_FLAG_CATEGORIES.map((c) => `red_flag:${c}`),
    ...CONCERN_CATEGORIES.map((c) => `concern:${c}`),
    ...['callback', 'appointment', 'refill'].map((k) => `request:${k}`),
    'distress',
    ...reasonsInSource(),
  ];
}

describe('every code the record knows has words', () => {
  it('every observation kind of the union', () => {
    expect(OBSERVATION_KINDS.length).toBeGreaterThan(20);
    expect(Object.keys(OBSERVATION_PHRASES).sort()).toEqual([...OBSERVATION_KINDS].sort());
  });

  it('every event type the source records, and every way a check-in ends', () => {
    const types = eventTypesInSource();
    expect(types).toEqual(expect.arrayContaining(['opted_out', 'alert.raised', 'alert.escalated', 'red_flag', 'asked_who_we_are', 'conversation.started']));
    expect(types.filter((t) => !(t in EVENT_PHRASES))).toEqual([]);
    expect(CONVERSATION_STATUSES.filter((s) => !(s in CHECK_IN_ENDINGS))).toEqual([]);
  });

  it('every alert reason, whether from the rules, a red flag, a concern, a request or raised elsewhere', () => {
    expect(everyReason().filter((r) => reasonWords(r) === null)).toEqual([]);
    expect(REQUEST_KINDS.filter((k) => !(k in REQUEST_PHRASES))).toEqual([]);
  });
});

/** Each kind once, as the store would hand it to the record: the busy month with everything else added. */
function everyKindSources(): MonthSources {
  const s = busySources();
  const at = (n: number) => new Date(Date.parse('2026-12-26T15:00:00.000Z') + n * 60_000).toISOString();
  let n = 0;
  const observations = [
    ...OBSERVATION_KINDS.map((kind) => ({ at: at(n++), kind, value: { medicationId: LIS, taken: false, systolic: 130, diastolic: 80, score: 3, status: 'concerns', category: 'weight_gain', kind: 'who_is_this', trend: 'worse', mgdl: 250, percent: 93, bpm: 88, pounds: 181, days: 2, fahrenheit: 99.1, question: 'bp.ask', answer: 'very_good', instrument: 'phq9' } })),
    ...[...CONCERN_CATEGORIES, ...MENU_CONCERNS, 'something_new'].map((category) => ({ at: at(n++), kind: 'concern', value: { category, severity: 'moderate', trend: 'new' } })),
    ...CONCERN_CATEGORIES.map((category) => ({ at: at(n++), kind: 'concern_reported', value: { category } })),
    ...[...RED_FLAG_CATEGORIES, 'brand_new'].map((category) => ({ at: at(n++), kind: 'red_flag', value: { category } })),
    ...[...REQUEST_KINDS, 'brand_new'].map((kind) => ({ at: at(n++), kind: 'request', value: { kind } })),
    ...MISSED_REASONS.map((reason) => ({ at: at(n++), kind: 'medication_adherence', value: { medicationId: LIS, taken: false, reason } })),
    { at: at(n++), kind: 'kind_from_the_future', value: { some_field: 'some_value' } },
  ];
  const reasons = [...everyReason(), 'practice_own_rule', 'old_rule'];
  const alerts = reasons.map((reason, i) => ({
    id: id(5000 + i),
    level: 'elevated' as const,
    reason,
    explanation: reason === 'old_rule' ? 'Rated a concern (weight_gain) severe on Dec 27 at 10:00' : reason === 'practice_own_rule' ? 'Pulse 48 on Dec 27 at 10:00 is below 50' : null,
    createdAt: at(n++),
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    resolutionNote: null,
  }));
  const events = [...new Set([...Object.keys(EVENT_PHRASES), ...eventTypesInSource(), 'event_from_the_future'])].map((type, i) => ({ id: id(7000 + i), at: at(n++), type }));
  const calls = Object.keys(CALL_STATUSES).flatMap((status, i) =>
    [...Object.keys(ANSWERED_BY), null, 'machine_from_the_future'].map((answeredBy, j) => ({ id: id(8000 + i * 20 + j), at: at(n++), direction: 'outbound' as const, status, answeredBy, seconds: 30 })),
  );
  const entries = TIME_ACTIVITIES.flatMap((activity, i) =>
    STAFF_ROLES.map((staffRole, j) => ({ id: id(9000 + i * 2 + j), staffId: id(31), staffName: 'Dr. Amy Chen', credential: 'MD', staffRole, activity, start: at(n++), end: at(n++), source: 'manual' as const, capturedFrom: null, note: null })),
  );
  return { ...s, observations: [...s.observations, ...observations], alerts: [...s.alerts, ...alerts], events: [...s.events, ...events], calls: [...s.calls, ...calls], entries: [...s.entries, ...entries], decisions: { ...s.decisions, complex: true } };
}

function everyKindRecord(): MonthRecord {
  const draft = buildMonthRecord(everyKindSources());
  const warnings = Object.keys(WARNING_TITLES).concat('warning_from_the_future').map((code) => ({ code, message: `Check before billing (${code.length} letters)` }));
  return {
    ...draft,
    warnings,
    status: 'approved',
    approval: { approvedAt: '2027-01-04T15:00:00.000Z', approvedBy: 'Dr. Amy Chen, MD' },
    addenda: [{ at: '2027-01-05T15:00:00.000Z', by: 'Ana Ruiz, RN', text: 'Metformin picked up on Jan 2.' }],
  };
}

const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
/** `concern:fall`; two letters a side at least, so a column heading's "m:s" is not taken for one. */
const KEYED = /\b[a-z][a-z_]+:[a-z][a-z_]+\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

function expectWordsOnly(where: string, text: string) {
  expect({ where, codes: [...(text.match(SNAKE) ?? []), ...(text.match(KEYED) ?? []), ...(text.match(UUID) ?? [])] }).toEqual({ where, codes: [] });
}

/** The human-readable strings of a FHIR resource tree: narratives, code texts, displays, titles, notes, payloads. */
function fhirText(value: unknown, key = '', out: string[] = []): string[] {
  const readable = new Set(['text', 'div', 'display', 'title', 'description', 'contentString', 'valueMarkdown']);
  if (typeof value === 'string' && readable.has(key)) out.push(value);
  else if (Array.isArray(value)) for (const item of value) fhirText(item, key, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) fhirText(v, k, out);
  return out;
}

describe('a month with every kind of event, in words only', () => {
  const record = everyKindRecord();

  it('the note', () => {
    expectWordsOnly('note', record.note.text);
    expect(record.note.text).toContain('Pulse 48 on Dec 27 at 10:00 is below 50');
  });

  it('the HTML print (styles aside)', () => {
    expectWordsOnly('html', renderMonthHtml(record).replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' '));
  });

  it('the FHIR text: narratives, Flag.code.text, display strings', () => {
    const bundle = toFhirBundle(record, { generatedAt: '2027-01-04T15:00:00.000Z', baseUrl: 'https://ccm.example.org' });
    const texts = fhirText(bundle.entry?.map((e) => e.resource));
    expect(texts.length).toBeGreaterThan(100);
    expectWordsOnly('fhir', texts.join('\n'));
  });
});

describe('the busy month', () => {
  it('drafts the note kept in test/documentation/__snapshots__/busy-month-note.md', async () => {
    const note = busyMonth().note.text;
    const page = `# Drafted CCM note: a busy month (test/documentation/busy-month.ts)\n\nRegenerate with \`npx vitest run test/documentation/no-internal-codes.unit.test.ts --project unit -u\`.\n\n---\n\n${note}\n`;
    await expect(page).toMatchFileSnapshot('./__snapshots__/busy-month-note.md');
    expectWordsOnly('busy note', note);
  });
});
