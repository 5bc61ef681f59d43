/**
 * A patient's appointments: adding one, changing one, cancelling one. Times
 * are read on the clock where the patient lives and must be still to come;
 * an appointment that has begun, or was cancelled, is kept as it was.
 */
import { DomainError, notFound } from '../../errors.js';
import { patientZone } from '../../outreach/index.js';
import {
  findAppointment,
  insertAppointment,
  markAppointmentCancelled,
  updateAppointment,
  type Appointment,
  type AppointmentChanges,
} from '../../store/appointments.js';
import { findPractice } from '../../store/practices.js';
import { withTransaction, type Queryable } from '../../store/sql.js';
import { isUuid, patientFor, writerLabel } from '../access.js';
import { audit, auditName } from '../audit.js';
import { viaWebApp, type ActionContext } from '../context.js';
import { appointmentStart } from './appointment-time.js';
import type { AppointmentChangesBody, NewAppointmentBody } from './schemas.js';

const ADDED = auditName('appointment.create');
const CHANGED = auditName('appointment.update');
const CANCELLED = auditName('appointment.cancel');

/** The patient, if the caller may act on them, and the zone their times are read in. */
async function patientAndZone(ctx: ActionContext, patientId: string) {
  const patient = await patientFor(ctx.db.pool, ctx.actor, patientId);
  const practice = await findPractice(ctx.db.pool, patient.practiceId);
  if (!practice) throw notFound('practice');
  return { patient, zone: patientZone(practice, patient) };
}

const begun = (a: Appointment, now: Date) => Date.parse(a.startsAt) <= now.getTime();

/** The patient's appointment, locked until the transaction ends, or "not found" (an id that cannot exist included). */
async function lockedAppointment(tx: Queryable, patientId: string, id: string): Promise<Appointment> {
  const current = isUuid(id) ? await findAppointment(tx, patientId, id, { lock: true }) : null;
  if (!current) throw notFound('appointment');
  return current;
}

/** Refuses a change to an appointment that was cancelled or has begun: it is kept as it was. */
function checkChangeable(current: Appointment, now: Date): void {
  if (current.status === 'cancelled') throw new DomainError('conflict', 'the appointment is cancelled; add a new one instead');
  if (begun(current, now)) throw new DomainError('conflict', 'the appointment has begun or is over; it is kept as it was');
}

export async function addAppointment(ctx: ActionContext, input: { patientId: string; appointment: NewAppointmentBody }): Promise<Appointment> {
  const { patient, zone } = await patientAndZone(ctx, input.patientId);
  const { startsAt, withWhom, location, purpose } = input.appointment;
  const at = appointmentStart(startsAt, zone, ctx.at);
  return withTransaction(ctx.db.pool, async (tx) => {
    const created = await insertAppointment(
      tx,
      {
        practiceId: patient.practiceId,
        patientId: patient.id,
        startsAt: at,
        timezone: zone,
        withWhom,
        location,
        purpose: purpose ?? null,
        source: viaWebApp(ctx.actor) ? 'app' : 'api',
        createdBy: writerLabel(ctx.actor),
      },
      ctx.at,
    );
    await audit(tx, ctx, ADDED, patient.practiceId, [patient.id]);
    return created;
  });
}

/** Changes what is given; fields left out keep their values. A new time is read where the patient lives now. */
export async function changeAppointment(
  ctx: ActionContext,
  input: { patientId: string; appointmentId: string; changes: AppointmentChangesBody },
): Promise<Appointment> {
  const { patient, zone } = await patientAndZone(ctx, input.patientId);
  const { startsAt, ...rest } = input.changes;
  const changes: AppointmentChanges = { ...rest, ...(startsAt === undefined ? {} : { startsAt: appointmentStart(startsAt, zone, ctx.at), timezone: zone }) };
  return withTransaction(ctx.db.pool, async (tx) => {
    checkChangeable(await lockedAppointment(tx, patient.id, input.appointmentId), ctx.at);
    const changed = (await updateAppointment(tx, patient.id, input.appointmentId, changes, ctx.at))!;
    await audit(tx, ctx, CHANGED, patient.practiceId, [patient.id]);
    return changed;
  });
}

/** Cancels it (the row stays, marked with who and when). Cancelling a cancelled one again changes nothing. */
export async function cancelAppointment(ctx: ActionContext, input: { patientId: string; appointmentId: string }): Promise<Appointment> {
  const { patient } = await patientAndZone(ctx, input.patientId);
  return withTransaction(ctx.db.pool, async (tx) => {
    const current = await lockedAppointment(tx, patient.id, input.appointmentId);
    if (current.status === 'cancelled') return current;
    checkChangeable(current, ctx.at);
    const cancelled = (await markAppointmentCancelled(tx, patient.id, input.appointmentId, writerLabel(ctx.actor), ctx.at))!;
    await audit(tx, ctx, CANCELLED, patient.practiceId, [patient.id]);
    return cancelled;
  });
}
