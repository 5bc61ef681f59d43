/**
 * Admin pages (admins only): staff and on-call order, logins, quiet hours and
 * the check-in time, triage rules, enrolment and CSV import. Each form is
 * read into the input the API takes for the same change, and the same action
 * makes it.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { practiceRules } from '../../alerts/index.js';
import { replayRules, type ReplayResult } from '../../alerts/index.js';
import { DomainError, notFound } from '../../errors.js';
import {
  addCoordinator,
  addLogin,
  changeCoordinator,
  changePracticeSettings,
  CoordinatorChangesSchema,
  enrolPatient,
  newPatientSchema,
  NewCoordinatorSchema,
  NewUserSchema,
  QuietHoursSchema,
  replaceTriageRules,
  RuleSetBodySchema,
  TimeOfDaySchema,
  validRuleSet,
} from '../../actions/index.js';
import { DEFAULT_RULES_VERSION, type RuleSet } from '../../triage/index.js';
import { listCoordinators } from '../../store/coordinators.js';
import { listStaff } from '../../store/staff.js';
import { listUsers } from '../../store/users.js';
import { actionContext } from '../context.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { redirect, requireSession } from '../session.js';
import { adminBody, NOTICES, type AdminSection, type AdminView, type NoticeKey } from './admin-view.js';
import { adminImport } from './admin-import.js';
import { adminChart } from './admin-chart.js';
import { adminAppointmentImport } from './admin-appointment-import.js';
import { field, optional, problems } from './forms.js';

const CoordinatorParams = z.object({ coordinatorId: z.uuid() });

/** The rules as the admin edits them: the rule set without its version name. */
const rulesText = (rules: RuleSet) => JSON.stringify({ rules: rules.rules, stable: rules.stable }, null, 2);

/** A schema's verdict, or a 400 saying what is wrong in words. */
function valid<T>(result: { success: true; data: T } | { success: false; error: z.ZodError }): T {
  if (!result.success) throw new DomainError('validation_failed', problems(result.error));
  return result.data;
}

/** What was typed in a form, to show it again when it fails: never the password or the token. */
function typed(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((body as Record<string, unknown> | null) ?? {})) {
    if (typeof value === 'string' && key !== 'password' && key !== '_csrf') values[key] = value;
  }
  return values;
}

export const adminPages: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps, practiceOf } = pageDeps;
  const { pool } = deps.db;
  const NewPatientSchema = newPatientSchema(deps.clock);

  app.addHook('onRequest', async (request) => {
    if (requireSession(request).user.role !== 'admin') {
      throw new DomainError('forbidden', 'Only an admin of the practice can open the admin pages.');
    }
  });

  async function show(request: FastifyRequest, reply: FastifyReply, extra: Partial<Pick<AdminView, 'notice' | 'problem' | 'preview'>> & { rules?: string }, status = 200) {
    const practice = await practiceOf(request);
    const rules = await practiceRules(pool, practice.id);
    const view: AdminView = {
      practice,
      session: requireSession(request),
      coordinators: await listCoordinators(pool, practice.id),
      staff: await listStaff(pool, practice.id),
      users: await listUsers(pool, practice.id),
      rules: { text: extra.rules ?? rulesText(rules), version: rules.version, isDefault: rules.version === DEFAULT_RULES_VERSION },
      notice: extra.notice,
      problem: extra.problem,
      preview: extra.preview,
    };
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(page({ title: 'Admin', session: view.session, practiceName: practice.name, current: 'admin', body: adminBody(view) }));
  }

  /** Runs a form's change; back to the page with a notice, or the page again with what was wrong. */
  async function act(request: FastifyRequest, reply: FastifyReply, section: AdminSection, work: () => Promise<NoticeKey>, refill = true) {
    try {
      const notice = await work();
      return redirect(reply, `/app/admin?notice=${notice}#${section}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'forbidden' || error.code === 'not_found') throw error;
      return show(request, reply, { problem: { section, message: error.message, values: refill ? typed(request.body) : {} } }, error.status);
    }
  }

  app.get('/admin', async (request, reply) => {
    const notice = (request.query as { notice?: string }).notice;
    return show(request, reply, { notice: notice && Object.hasOwn(NOTICES, notice) ? (notice as NoticeKey) : undefined });
  });

  app.post('/admin/coordinators', (request, reply) =>
    act(request, reply, 'staff', async () => {
      const practice = await practiceOf(request);
      const order = optional(request.body, 'onCallOrder');
      const form = valid(
        NewCoordinatorSchema.safeParse({
          name: field(request.body, 'name'),
          phone: field(request.body, 'phone'),
          email: optional(request.body, 'email'),
          role: optional(request.body, 'role'),
          onCallOrder: order === undefined ? undefined : Number(order),
        }),
      );
      await addCoordinator(actionContext(deps, request), { practiceId: practice.id, coordinator: form });
      return 'coordinator_added';
    }),
  );

  app.post('/admin/coordinators/:coordinatorId', (request, reply) =>
    act(request, reply, 'staff', async () => {
      const params = CoordinatorParams.safeParse(request.params);
      if (!params.success) throw notFound('coordinator');
      const practice = await practiceOf(request);
      const order = optional(request.body, 'onCallOrder');
      const off = field(request.body, 'action') === 'off';
      if (!off && order === undefined) throw new DomainError('validation_failed', 'enter an on-call order (1 is called first), or take them off call', 'onCallOrder');
      const changes = valid(CoordinatorChangesSchema.safeParse({ onCallOrder: off ? null : Number(order) }));
      await changeCoordinator(actionContext(deps, request), { practiceId: practice.id, coordinatorId: params.data.coordinatorId, changes });
      return 'on_call_changed';
    }, false), // a row's form: nothing to type again in the form that adds a coordinator
  );

  app.post('/admin/users', (request, reply) =>
    act(request, reply, 'logins', async () => {
      const practice = await practiceOf(request);
      const form = valid(
        NewUserSchema.safeParse({
          name: field(request.body, 'name'),
          email: field(request.body, 'email').trim(),
          role: field(request.body, 'role'),
          password: field(request.body, 'password'),
          staffId: optional(request.body, 'staffId'),
        }),
      );
      await addLogin(actionContext(deps, request), { practiceId: practice.id, login: form });
      return 'login_added';
    }),
  );

  app.post('/admin/quiet-hours', (request, reply) =>
    act(request, reply, 'settings', async () => {
      const practice = await practiceOf(request);
      const quietHours = valid(QuietHoursSchema.safeParse({ start: field(request.body, 'start').slice(0, 5), end: field(request.body, 'end').slice(0, 5) }));
      await changePracticeSettings(actionContext(deps, request), { practiceId: practice.id, changes: { quietHours } });
      return 'quiet_hours_saved';
    }),
  );

  app.post('/admin/cadence', (request, reply) =>
    act(request, reply, 'settings', async () => {
      const practice = await practiceOf(request);
      const time = valid(TimeOfDaySchema.safeParse(field(request.body, 'time').slice(0, 5)));
      // The same change as the API's PATCH of the cadence: future check-ins are planned again, in the background.
      const cadence = { ...practice.outreach.cadence, time };
      await changePracticeSettings(actionContext(deps, request), { practiceId: practice.id, changes: { outreach: { cadence } } });
      return 'cadence_saved';
    }),
  );

  app.post('/admin/triage-rules', async (request, reply) => {
    const text = field(request.body, 'rules');
    const preview = field(request.body, 'action') === 'preview';
    const problem = (message: string) => ({ section: 'triage' as const, message, values: {} });
    let rules: RuleSet;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new DomainError('validation_failed', `The rules are not valid JSON: ${(error as Error).message}`);
      }
      rules = validRuleSet(valid(RuleSetBodySchema.safeParse(parsed)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return show(request, reply, { rules: text, problem: problem(error.message) }, error.status);
    }
    const practice = await practiceOf(request);
    if (preview) {
      const result: ReplayResult = await replayRules(deps.runtime, practice, rules);
      return show(request, reply, { rules: text, preview: result });
    }
    await replaceTriageRules(actionContext(deps, request), { practiceId: practice.id, rules });
    return redirect(reply, '/app/admin?notice=rules_saved#triage');
  });

  app.post('/admin/patients', (request, reply) =>
    act(request, reply, 'enrol', async () => {
      const practice = await practiceOf(request);
      const conditions = field(request.body, 'conditions').split(',').map((c) => c.trim()).filter(Boolean);
      const form = valid(
        NewPatientSchema.safeParse({
          firstName: field(request.body, 'firstName'),
          lastName: field(request.body, 'lastName'),
          phone: field(request.body, 'phone'),
          dateOfBirth: optional(request.body, 'dateOfBirth'),
          mrn: optional(request.body, 'mrn'),
          language: optional(request.body, 'language'),
          preferredChannel: optional(request.body, 'preferredChannel'),
          conditions,
          consent: {
            status: field(request.body, 'consentStatus'),
            method: field(request.body, 'consentMethod'),
            recordedAt: deps.clock.now().toISOString(),
            recordedBy: field(request.body, 'consentRecordedBy'),
          },
        }),
      );
      await enrolPatient(actionContext(deps, request), { practiceId: practice.id, patient: form });
      return 'patient_enrolled';
    }),
  );

  await app.register(adminChart, { ...pageDeps, showProblem: (request, reply, message, status) => show(request, reply, { problem: { section: 'ehr', message, values: typed(request.query ?? request.body) } }, status) });
  await app.register(adminImport, { ...pageDeps, showProblem: (request, reply, message, status) => show(request, reply, { problem: { section: 'import', message, values: typed(request.body) } }, status) });
  await app.register(adminAppointmentImport, {
    ...pageDeps,
    showProblem: (request, reply, message, status) => show(request, reply, { problem: { section: 'appointments', message, values: typed(request.body) } }, status),
  });
};
