/** The month's note as a Composition, with its text as XHTML narrative. */
import type { Composition, CompositionSection, Reference } from '@medplum/fhirtypes';
import type { MonthRecord } from '../types.js';
import { nonEmpty, type BuildContext } from './context.js';
import { approverReference } from './staff-time.js';
import { LOINC, loinc } from './terminology.js';
import { monthLabel } from '../narrative.js';

/** The entries the note's sections list, by kind. */
export interface NoteEntries {
  communications: Reference[];
  observations: Reference[];
  flags: Reference[];
  questionnaireResponses: Reference[];
  appointments: Reference[];
  /** The staff time entries (Procedures). */
  staffTime: Reference[];
}

export function composition(ctx: BuildContext, generatedAt: string, entries: NoteEntries): Composition {
  const { record } = ctx;
  const approval = record.status === 'approved' ? record.approval : null;
  return {
    resourceType: 'Composition',
    identifier: ctx.identifier('month-records', `${record.patient.id}/${record.month}`),
    status: compositionStatus(record),
    type: loinc(LOINC.progressNote, 'Chronic care management monthly note'),
    subject: ctx.patient,
    date: approval?.approvedAt ?? generatedAt,
    author: [ctx.organization],
    title: `Chronic care management, ${monthLabel(record.month)}`,
    // The approval is the legal attestation: the approver signs the month as the record of care.
    attester: approval ? [{ mode: 'legal', time: approval.approvedAt, party: approverReference(ctx) }] : undefined,
    custodian: ctx.organization,
    event: [{ period: record.period }],
    section: nonEmpty([
      textSection('Monthly note', record.note.text),
      entrySection('Care plan', ctx.carePlan ? [ctx.carePlan] : []),
      entrySection('Patient-reported data', entries.observations),
      entrySection('Questionnaires answered', entries.questionnaireResponses),
      entrySection('Alerts', entries.flags),
      entrySection('Appointments', entries.appointments),
      entrySection('Messages and calls', entries.communications),
      entrySection('Care management time', entries.staffTime),
      ...record.addenda.map((addendum) => textSection(`Addendum, ${addendum.at}, ${addendum.by}`, addendum.text)),
    ]),
  };
}

/** Final once approved, amended once an addendum follows the approval, preliminary before. */
function compositionStatus(record: MonthRecord): Composition['status'] {
  if (record.status !== 'approved') return 'preliminary';
  return record.addenda.length > 0 ? 'amended' : 'final';
}

function textSection(title: string, text: string): CompositionSection | undefined {
  if (!text.trim()) return undefined;
  return { title, text: { status: 'additional', div: xhtml(text) } };
}

function entrySection(title: string, entry: Reference[]): CompositionSection | undefined {
  return entry.length > 0 ? { title, entry } : undefined;
}

/**
 * Plain text as a FHIR narrative div: a paragraph per blank-line-separated
 * block, a <br/> per line break, the XML specials escaped and the characters
 * XML 1.0 forbids dropped.
 */
export function xhtml(text: string): string {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block) => `<p>${block.split(/\r?\n/).map(escapeXml).join('<br/>')}</p>`);
  return `<div xmlns="http://www.w3.org/1999/xhtml">${paragraphs.join('')}</div>`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c);
}
