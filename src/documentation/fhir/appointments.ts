/**
 * The record's appointments as FHIR R4 Appointments: those of the month
 * (cancelled ones included) and those still to come when it was drafted.
 */
import type { Appointment, AppointmentParticipant } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import type { MonthAppointment } from '../types.js';
import { nonEmpty, type BuildContext, type Keyed } from './context.js';

/**
 * Keyed by the appointment's id alone (not the month): the same appointment
 * keeps one uuid from export to export, so an EHR that took it as booked in
 * one month sees the same resource cancelled in the next.
 */
export const appointmentKey = (a: Pick<MonthAppointment, 'id'>) => `appointment/${a.id}`;

/** Each appointment once: a visit later in the month is both in the month and upcoming. */
export function appointments(ctx: BuildContext): Keyed<Appointment>[] {
  const kept = ctx.record.appointments;
  if (!kept) return [];
  const byId = new Map<string, MonthAppointment>();
  for (const a of [...kept.inMonth, ...kept.upcoming]) if (!byId.has(a.id)) byId.set(a.id, a);
  return [...byId.values()].map((a) => ({ key: appointmentKey(a), resource: appointment(ctx, a) }));
}

function appointment(ctx: BuildContext, a: MonthAppointment): Appointment {
  const start = onItsClock(a);
  return {
    resourceType: 'Appointment',
    identifier: nonEmpty([ctx.identifier('appointments', a.id)]),
    status: a.status === 'cancelled' ? 'cancelled' : 'booked',
    description: a.purpose?.trim() || undefined,
    // We keep no end or length. R4 wants both start and end or neither (app-2), and
    // both on a booked appointment (app-3): end = start says when it starts without
    // inventing how long it lasts.
    start,
    end: start,
    participant: [
      participant(ctx.patient),
      ...(a.withWhom.trim() ? [participant({ display: a.withWhom.trim() })] : []),
      // A place by name only: there is no Location resource to point at.
      ...(a.location.trim() ? [participant({ type: 'Location', display: a.location.trim() })] : []),
    ],
  };
}

/**
 * The practice booked it with the patient: everyone on it has accepted. A
 * cancellation is the appointment's status, not a participant declining.
 */
function participant(actor: NonNullable<AppointmentParticipant['actor']>): AppointmentParticipant {
  return { actor, status: 'accepted' };
}

/** The start with the offset of the zone it was entered in (the wall clock the patient was told), or as stored. */
function onItsClock(a: Pick<MonthAppointment, 'startsAt' | 'timezone'>): string {
  const local = DateTime.fromISO(a.startsAt, { zone: a.timezone });
  return local.isValid ? local.toISO() : a.startsAt;
}
