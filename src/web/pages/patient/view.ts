/**
 * One patient's page, as a GET shows it and as a form that came back shows
 * it again (with what was typed and what to fix): the header, how they stand,
 * their readings, medicines, care plan, consent, planned outreach and
 * timeline. Every showing is written to the access log.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { practiceRules } from '../../../alerts/index.js';
import { patientSchedule, patientZone } from '../../../outreach/index.js';
import { listAlerts } from '../../../store/alerts.js';
import { upcomingAppointments } from '../../../store/appointments.js';
import { recordAccess } from '../../../store/audit.js';
import { findCarePlan } from '../../../store/care-plans.js';
import { findCoordinator } from '../../../store/coordinators.js';
import { listMedications } from '../../../store/medications.js';
import { listObservations } from '../../../store/observations.js';
import { listTranscript } from '../../../store/transcript.js';
import type { Patient } from '../../../store/patients.js';
import { readEntry } from '../../context.js';
import { html } from '../../html.js';
import { page } from '../../layout.js';
import type { PageDeps } from '../../page-deps.js';
import { requireSession } from '../../session.js';
import type { FailedForm } from '../form-errors.js';
import { appointmentsSection } from './appointments.js';
import { carePlanSection } from './care-plan-form.js';
import { consentSection } from './consent-form.js';
import { revokeSection } from '../patient-revoke-view.js';
import { patientHeader } from './header.js';
import { identifierSection } from './identifier-form.js';
import { medicinesSection } from './medicines.js';
import { readingsSection } from './readings.js';
import { noticeBanner, outreachSection, summarySection } from './sections.js';
import { timelineSection } from './timeline.js';

const ALERTS_SHOWN = 500;

/** Shows the patient's page; `failed` is a form sent back, shown with its input and its error (and the error's status). */
export type ShowPatient = (request: FastifyRequest, reply: FastifyReply, patient: Patient, failed?: FailedForm) => Promise<FastifyReply>;

export function patientView({ deps, practiceOf }: PageDeps): ShowPatient {
  const { pool } = deps.db;
  return async (request, reply, patient, failed) => {
    const practice = await practiceOf(request);
    const session = requireSession(request);
    const now = deps.clock.now();
    const zone = practice.timezone;
    const [coordinator, rules, observations, medications, plan, schedule, transcript, alerts] = await Promise.all([
      patient.coordinatorId ? findCoordinator(pool, practice.id, patient.coordinatorId) : null,
      practiceRules(pool, practice.id),
      listObservations(pool, patient.id),
      listMedications(pool, patient.id),
      findCarePlan(pool, patient.id),
      patientSchedule(pool, practice, patient, now),
      listTranscript(pool, patient.id),
      listAlerts(pool, { practiceId: practice.id, patientId: patient.id, limit: ALERTS_SHOWN }),
    ]);
    const appointments = await upcomingAppointments(pool, patient.id, now);
    const revoke = await revokeSection(pool, { patient, zone, csrf: session.csrfToken, now, failed });
    await recordAccess(pool, readEntry(request, 'web.patient'), [patient.id]);
    const month = DateTime.fromJSDate(now, { zone }).toFormat('yyyy-MM');
    const csrf = session.csrfToken;
    const body = html`
      ${patientHeader(patient, zone, now)}
      ${failed ? '' : noticeBanner(request.query as Record<string, unknown>)}
      <p class="actions"><a href="/app/patients/${patient.id}/months/${month}">This month's record</a> <a href="/app/patients">All patients</a></p>
      ${summarySection(patient, coordinator, zone, now)}
      ${readingsSection(observations, rules, zone, now)}
      ${medicinesSection({ patientId: patient.id, medications, observations, csrf, now, failed })}
      ${appointmentsSection({ patientId: patient.id, appointments, zone: patientZone(practice, patient), csrf, failed })}
      ${carePlanSection({ patientId: patient.id, plan, zone, csrf, failed })}
      ${consentSection({ patient, zone, csrf, failed })}
      ${revoke}
      ${identifierSection({ patient, csrf, failed })}
      ${outreachSection(patient, practice, schedule, medications, csrf, now, failed)}
      ${timelineSection(transcript, alerts, zone)}`;
    return reply
      .code(failed?.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(page({ title: `${patient.firstName} ${patient.lastName}`, session, practiceName: practice.name, current: 'patients', body }));
  };
}
