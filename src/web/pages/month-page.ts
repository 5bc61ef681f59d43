/**
 * One patient's month page, as a GET shows it and as a form that came back
 * (or the question approval asks first) shows it again. Every showing is in
 * the access log, through the record keeping's read.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { MonthSchema } from '../../actions/index.js';
import { monthLabel } from '../../documentation/narrative.js';
import { DomainError } from '../../errors.js';
import { readMonth } from '../../records/index.js';
import type { Patient } from '../../store/patients.js';
import { readEntry } from '../context.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { requireSession } from '../session.js';
import type { FailedForm } from './form-errors.js';
import { ownPatient } from './forms.js';
import type { OpenItems } from './month-approval.js';
import { monthBody } from './month-view.js';

const MonthParams = z.object({ id: z.uuid(), month: MonthSchema });

/** The month `months` away from `month` ('2026-11', -1 -> '2026-10'). */
export const shiftMonth = (month: string, months: number) => DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' }).plus({ months }).toFormat('yyyy-MM');

/** The patient and month the URL names, if the patient is the user's practice's and the month is one. */
export async function ownMonth(pool: PageDeps['deps']['db']['pool'], request: FastifyRequest) {
  const parsed = MonthParams.safeParse(request.params);
  if (!parsed.success) throw new DomainError('not_found', 'There is no such month: months are written like 2026-11.');
  const patient = await ownPatient(pool, request, parsed.data.id);
  return { patient, month: parsed.data.month, url: `/app/patients/${patient.id}/months/${parsed.data.month}` };
}

export interface MonthShown {
  failed?: FailedForm | undefined;
  question?: OpenItems | undefined;
}

export type ShowMonth = (request: FastifyRequest, reply: FastifyReply, patient: Patient, month: string, shown?: MonthShown) => Promise<FastifyReply>;

export function monthView({ deps, practiceOf }: PageDeps): ShowMonth {
  const records = { pool: deps.db.pool, clock: deps.clock };
  return async (request, reply, patient, month, shown = {}) => {
    const practice = await practiceOf(request);
    const session = requireSession(request);
    const record = await readMonth(records, patient.id, month, readEntry(request, 'web.month'));
    const body = monthBody({
      record,
      csrfToken: session.csrfToken,
      canAct: session.user.staffId !== null,
      prevMonth: shiftMonth(month, -1),
      nextMonth: shiftMonth(month, 1),
      failed: shown.failed,
      question: shown.question,
    });
    const title = `${monthLabel(month)}: ${patient.firstName} ${patient.lastName}`;
    return reply
      .code(shown.failed?.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(page({ title, session, practiceName: practice.name, current: 'months', body }));
  };
}
