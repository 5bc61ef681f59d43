/**
 * One candidate's page (/app/enrolment/candidates/:id), and what a
 * coordinator records from the phone: consent with the script (the verbal
 * consent the API's POST /candidates/:id/consent takes), a no, a call that
 * settled nothing. Each form is read into the API's body and made by the
 * same action, as the signed-in staff member; a refused form comes back with
 * what was wrong. Another practice's candidate is "not found".
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  candidateFor,
  consentTextFor,
  declineForCandidate,
  markCalled,
  CalledSchema,
  PhoneDeclineSchema,
  recordVerbalConsent,
  VerbalConsentSchema,
  withStanding,
} from '../../actions/index.js';
import { listCandidateMessages } from '../../store/candidate-messages.js';
import { findCampaign } from '../../store/campaigns.js';
import type { Candidate } from '../../store/candidates.js';
import { recordAccess } from '../../store/audit.js';
import type { Practice } from '../../store/practices.js';
import { findStaff, staffLabel } from '../../store/staff.js';
import { actionContext, readEntry, staffOf } from '../context.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { redirect, requireSession } from '../session.js';
import { callForms, candidateFacts, consentScript, CONSENT_SCRIPT_FORM, DECLINE_FORM, messagesSection } from './candidate-view.js';
import { field, optional } from './forms.js';
import { failedForm, fieldTable, type FailedForm } from './form-errors.js';

const NOTICES: Record<string, string> = {
  declined: 'Recorded: they said no. No campaign will ask them again.',
  called: 'Off the call list.',
};

const SCRIPT_FIELDS = fieldTable({ elements: ['elements', 'Consent'], consentTextId: ['elements', 'Consent text'] });
const DECLINE_FIELDS = fieldTable({ note: ['note', 'Note'] });

/** Ticked boxes: a repeated field, or one value, or none. */
const ticked = (body: unknown, name: string): string[] => {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
};

export const candidatePages: FastifyPluginAsync<PageDeps> = async (app, { deps }) => {
  const { pool } = deps.db;
  const own = (request: FastifyRequest) => candidateFor(pool, staffOf(request), (request.params as { id?: string }).id ?? '');
  const pageOf = (id: string, notice?: string) => `/app/enrolment/candidates/${id}${notice ? `?notice=${notice}` : ''}`;

  async function show(request: FastifyRequest, reply: FastifyReply, candidate: Candidate, practice: Practice, failed?: FailedForm) {
    const session = requireSession(request);
    const now = request.receivedAt;
    const practitioner = await findStaff(pool, practice.id, candidate.billingPractitionerId);
    const campaign = candidate.campaignId ? await findCampaign(pool, candidate.campaignId, practice.id) : null;
    const messages = await listCandidateMessages(pool, candidate.id);
    // The script reads the version the consent page would show now.
    const text = candidate.state === 'consented' ? null : await consentTextFor(pool, practice, candidate.language, now);
    await recordAccess(pool, readEntry(request, 'web.candidate'), [null]);
    const view = {
      candidate: withStanding(candidate, practice, now),
      practiceName: practice.name,
      practitioner: practitioner ? staffLabel(practitioner) : 'not found',
      campaign,
      messages,
      text,
      zone: practice.timezone,
      csrf: session.csrfToken,
      failed,
    };
    const notice = (request.query as { notice?: unknown }).notice;
    const body = html`
      ${!failed && typeof notice === 'string' && Object.hasOwn(NOTICES, notice) ? html`<p class="notice" role="status">${NOTICES[notice]}</p>` : ''}
      <p class="actions"><a href="/app/enrolment">All candidates</a></p>
      ${candidateFacts(view)}
      ${consentScript(view)}
      ${callForms(view)}
      ${messagesSection(messages, practice.timezone)}`;
    return reply
      .code(failed?.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(page({ title: `${candidate.firstName} ${candidate.lastName}`, session, practiceName: practice.name, current: 'enrolment', body }));
  }

  app.get('/enrolment/candidates/:id', async (request, reply) => {
    const { candidate, practice } = await own(request);
    return show(request, reply, candidate, practice);
  });

  app.post('/enrolment/candidates/:id/consent', async (request, reply) => {
    const { candidate, practice } = await own(request);
    let patientId: string;
    try {
      const consent = VerbalConsentSchema.parse({ consentTextId: field(request.body, 'consentTextId'), elements: ticked(request.body, 'elements') });
      patientId = (await recordVerbalConsent(actionContext(deps, request), { candidateId: candidate.id, consent })).patient.id;
    } catch (error) {
      return show(request, reply, candidate, practice, failedForm(error, CONSENT_SCRIPT_FORM, request.body, SCRIPT_FIELDS));
    }
    return redirect(reply, `/app/patients/${patientId}?notice=consent_saved`);
  });

  app.post('/enrolment/candidates/:id/decline', async (request, reply) => {
    const { candidate, practice } = await own(request);
    try {
      const decline = PhoneDeclineSchema.parse({ note: optional(request.body, 'note') });
      await declineForCandidate(actionContext(deps, request), { candidateId: candidate.id, decline });
    } catch (error) {
      return show(request, reply, candidate, practice, failedForm(error, DECLINE_FORM, request.body, DECLINE_FIELDS));
    }
    return redirect(reply, pageOf(candidate.id, 'declined'));
  });

  app.post('/enrolment/candidates/:id/called', async (request, reply) => {
    const { candidate } = await own(request);
    await markCalled(actionContext(deps, request), { candidateId: candidate.id, called: CalledSchema.parse({ note: optional(request.body, 'note') }) });
    return redirect(reply, pageOf(candidate.id, 'called'));
  });
};
