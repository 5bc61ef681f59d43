/**
 * Enrolment (/app/enrolment): the practice's candidates (patients eligible
 * for CCM, not enrolled yet) with their state and standing, the funnel for a
 * month, and for admins the forms that add candidates, upload the list, start
 * a campaign and publish the consent text. Each form is read into the body
 * the API takes and made by the same action; a refused form comes back with
 * what was typed. One candidate's page is candidate.ts; the CSV upload,
 * enrolment-import.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addCandidate,
  candidatesWithStanding,
  consentTextFor,
  ConsentTextSchema,
  enrolmentFunnel,
  newCandidateSchema,
  publishConsentText,
  startCampaign,
  StartCampaignSchema,
} from '../../actions/index.js';
import { CONSENT_ELEMENTS } from '../../enrolment/index.js';
import { DomainError } from '../../errors.js';
import { recordAccess } from '../../store/audit.js';
import { listStaff } from '../../store/staff.js';
import { readEntry, actionContext } from '../context.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { redirect, requireSession } from '../session.js';
import { candidatePages } from './candidate.js';
import { consentTextForm, consentTextSection, ELEMENT_LABELS } from './consent-text-view.js';
import { candidateImport } from './enrolment-import.js';
import { addCandidateForm, CAMPAIGN_FORM, campaignForm, CANDIDATE_FORM, candidatesSection, funnelSection, importForm } from './enrolment-view.js';
import { field, lf, optional } from './forms.js';
import { failedForm, fieldTable, type FailedForm } from './form-errors.js';
import { patientRevoke } from './patient-revoke.js';

const PageQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  notice: z.enum(['candidate_added', 'campaign_started', 'consent_text_published']).optional(),
  invited: z.coerce.number().int().min(0).optional(),
  skipped: z.coerce.number().int().min(0).optional(),
  language: z.enum(['en', 'es']).optional(),
  version: z.coerce.number().int().min(1).optional(),
});
type PageQuery = z.infer<typeof PageQuery>;

/** What a form's redirect reports (the URL carries a key and counts, never anything about a candidate). */
function noticeText(q: PageQuery): string | undefined {
  if (q.notice === 'candidate_added') return 'Candidate added.';
  if (q.notice === 'consent_text_published') {
    const which = `${q.language === 'es' ? 'Spanish' : 'English'} consent text published${q.version ? ` as version ${q.version}` : ''}`;
    return `${which}: the consent page and the phone script show it from now on; consents given earlier keep the text they were shown.`;
  }
  if (q.notice !== 'campaign_started') return undefined;
  const skipped = q.skipped ? ` ${q.skipped} skipped (they need an initiating visit first, or were invited or answered before).` : '';
  return `Campaign started: ${q.invited ?? 0} invited; the invitations go out as quiet hours and the daily limits allow.${skipped}`;
}

const CANDIDATE_FIELDS = fieldTable({
  firstName: ['firstName', 'First name'],
  lastName: ['lastName', 'Last name'],
  phone: ['phone', 'Phone'],
  phoneType: ['phoneType', 'Phone type'],
  conditions: ['conditions', 'Chronic conditions'],
  billingPractitionerId: ['billingPractitionerId', 'Billing practitioner'],
  lastVisitOn: ['lastVisitOn', 'Last visit'],
  dateOfBirth: ['dateOfBirth', 'Date of birth'],
  mrn: ['mrn', 'Medical record number'],
  email: ['email', 'Email'],
  language: ['language', 'Language'],
  preferredChannel: ['preferredChannel', 'Prefers'],
});
const CAMPAIGN_FIELDS = fieldTable({ name: ['name', 'Name'], candidateIds: ['which', 'Whom to invite'] });
// Each element is a box named after it; the action names it elements.<key>.
const CONSENT_TEXT_FIELDS = fieldTable(Object.fromEntries(CONSENT_ELEMENTS.map((key) => [`elements.${key}`, [key, ELEMENT_LABELS[key]] as const])));

/** A repeated field (ticked boxes) as a list. */
const many = (body: unknown, name: string): string[] => {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
};

/** The add-a-candidate form as the API's body. */
function readCandidateForm(body: unknown) {
  return {
    firstName: field(body, 'firstName'),
    lastName: field(body, 'lastName'),
    phone: field(body, 'phone'),
    phoneType: optional(body, 'phoneType'),
    conditions: field(body, 'conditions').split(/[,;]/).map((c) => c.trim()).filter(Boolean),
    billingPractitionerId: field(body, 'billingPractitionerId'),
    lastVisitOn: optional(body, 'lastVisitOn') ?? null,
    dateOfBirth: optional(body, 'dateOfBirth'),
    mrn: optional(body, 'mrn'),
    email: optional(body, 'email'),
    language: optional(body, 'language'),
    preferredChannel: optional(body, 'preferredChannel'),
  };
}

/** A language's consent text form as the API's body. */
function readConsentTextForm(body: unknown) {
  return { language: field(body, 'language'), elements: Object.fromEntries(CONSENT_ELEMENTS.map((key) => [key, lf(field(body, key))])) };
}

/** The campaign form as the API's body: all listed candidates, or the ticked ones. */
function readCampaignForm(body: unknown) {
  const ticked = field(body, 'which') === 'ticked';
  const ids = many(body, 'candidateIds');
  if (ticked && ids.length === 0) throw new DomainError('validation_failed', 'tick at least one candidate in the list, or choose all listed candidates', 'candidateIds');
  return { name: field(body, 'name'), candidateIds: ticked ? ids : 'all_listed' };
}

export type ShowEnrolment = (request: FastifyRequest, reply: FastifyReply, o?: { failed?: FailedForm; importProblem?: { message: string; status: number } }) => Promise<FastifyReply>;

export const enrolmentPages: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps, practiceOf } = pageDeps;
  const { pool } = deps.db;
  const CandidateSchema = newCandidateSchema(deps.clock);

  const show: ShowEnrolment = async (request, reply, o = {}) => {
    const practice = await practiceOf(request);
    const session = requireSession(request);
    const query = PageQuery.safeParse(request.query);
    const month = query.success ? query.data.month : undefined;
    const notice = query.success ? noticeText(query.data) : undefined;
    const now = request.receivedAt;
    const candidates = await candidatesWithStanding(pool, practice, now);
    const funnel = await enrolmentFunnel(pool, practice, { month }, now);
    const practitioners = (await listStaff(pool, practice.id)).filter((s) => s.role === 'practitioner' && s.active);
    await recordAccess(pool, readEntry(request, 'web.enrolment'), [null]);
    const admin = session.user.role === 'admin';
    const csrf = session.csrfToken;
    const eligible = candidates.filter((c) => c.state === 'listed' && c.standing === 'eligible').length;
    const failed = o.failed;
    // The versions shown now; reading makes version 1 (or one with the practice's new name) when needed, as the consent page would.
    const texts = admin ? [await consentTextFor(pool, practice, 'en', now), await consentTextFor(pool, practice, 'es', now)] : [];
    const body = html`
      ${notice && !failed && !o.importProblem ? html`<p class="notice" role="status">${notice}</p>` : ''}
      ${admin
        ? html`<div class="grid">
            <div>${campaignForm({ csrf, eligible, failed })}</div>
            <div>${addCandidateForm({ csrf, practitioners, failed })}</div>
            <div>${importForm({ csrf, practitioners, problem: o.importProblem?.message })}</div>
          </div>`
        : html`<p class="meta">Admins add candidates, start campaigns and publish the consent text; open a candidate to take consent by phone.</p>`}
      ${candidatesSection(candidates, admin)}
      ${funnelSection(funnel)}
      ${admin ? consentTextSection({ texts, csrf, failed, zone: practice.timezone }) : ''}`;
    return reply
      .code(failed?.status ?? o.importProblem?.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(page({ title: 'Enrolment', session, practiceName: practice.name, current: 'enrolment', body }));
  };

  app.get('/enrolment', (request, reply) => show(request, reply));

  app.post('/enrolment/candidates', async (request, reply) => {
    const practice = await practiceOf(request);
    try {
      const candidate = CandidateSchema.parse(readCandidateForm(request.body));
      await addCandidate(actionContext(deps, request), { practiceId: practice.id, candidate });
    } catch (error) {
      return show(request, reply, { failed: failedForm(error, CANDIDATE_FORM, request.body, CANDIDATE_FIELDS) });
    }
    return redirect(reply, '/app/enrolment?notice=candidate_added');
  });

  app.post('/enrolment/campaigns', async (request, reply) => {
    const practice = await practiceOf(request);
    let started;
    try {
      const campaign = StartCampaignSchema.parse(readCampaignForm(request.body));
      started = await startCampaign(actionContext(deps, request), { practiceId: practice.id, campaign });
    } catch (error) {
      return show(request, reply, { failed: failedForm(error, CAMPAIGN_FORM, request.body, CAMPAIGN_FIELDS) });
    }
    return redirect(reply, `/app/enrolment?notice=campaign_started&invited=${started.invited.length}&skipped=${started.skipped.length}`);
  });

  app.post('/enrolment/consent-text', async (request, reply) => {
    const practice = await practiceOf(request);
    // The form the text came from, so a refused one comes back in its own box.
    const form = consentTextForm(field(request.body, 'language') === 'es' ? 'es' : 'en');
    let published;
    try {
      const text = ConsentTextSchema.parse(readConsentTextForm(request.body));
      published = await publishConsentText(actionContext(deps, request), { practiceId: practice.id, text });
    } catch (error) {
      return show(request, reply, { failed: failedForm(error, form, request.body, CONSENT_TEXT_FIELDS) });
    }
    return redirect(reply, `/app/enrolment?notice=consent_text_published&language=${published.language}&version=${published.version}`);
  });

  await app.register(candidateImport, { ...pageDeps, show });
  await app.register(candidatePages, pageDeps);
  await app.register(patientRevoke, pageDeps);
};
