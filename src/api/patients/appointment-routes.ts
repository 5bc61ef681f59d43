/**
 * A patient's appointments: add, list (upcoming, or those in a period),
 * change and cancel. The actions read times where the patient lives.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from '../options.js';
import { addAppointment, AppointmentChangesSchema, cancelAppointment, changeAppointment, InstantSchema, NewAppointmentSchema } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { appointmentsIn, upcomingAppointments } from '../../store/appointments.js';
import { actionContext } from '../context.js';
import { IdParamsSchema, conflictResponse, errorResponses } from '../schemas.js';
import { logRead, loadPatient } from './access.js';

const AppointmentParamsSchema = z.object({ id: z.uuid('must be a UUID'), appointmentId: z.uuid('must be a UUID') });

export const AppointmentSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  startsAt: z.string().describe('When it starts, ISO (UTC)'),
  timezone: z.string().describe('The zone it was entered in and is shown in'),
  localStartsAt: z.string().describe("The start on that zone's clock, 'YYYY-MM-DDTHH:MM'"),
  withWhom: z.string(),
  location: z.string(),
  purpose: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  source: z.enum(['api', 'app', 'csv']).describe('How it was entered'),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledBy: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});

const ListQuerySchema = z
  .object({
    from: InstantSchema.optional().describe('With `to`: every appointment starting in [from, to), cancelled ones included'),
    to: InstantSchema.optional(),
  })
  .strict();

export const appointmentRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/patients/:id/appointments',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Add an upcoming appointment: when, with whom, where',
        description: "`startsAt` is read on the patient's clock (their timezone, else the practice's) unless it carries an offset; it must be still to come.",
        params: IdParamsSchema,
        body: NewAppointmentSchema.meta({
          example: { startsAt: '2027-01-08T09:30', withWhom: 'Dr. Patel', location: 'Maple Family Medicine, 2nd floor', purpose: 'blood pressure follow-up' },
        }),
        response: { 201: AppointmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const appointment = await addAppointment(actionContext(deps, request), { patientId: request.params.id, appointment: request.body });
      return reply.code(201).send(appointment);
    },
  );

  app.get(
    '/patients/:id/appointments',
    {
      schema: {
        tags: ['appointments'],
        summary: "The patient's upcoming appointments, soonest first (or, with from and to, those in a period)",
        description: 'Without a period: scheduled appointments from now on. With `from` and `to`: every appointment starting in that period, cancelled ones included.',
        params: IdParamsSchema,
        querystring: ListQuerySchema,
        response: { 200: z.object({ data: z.array(AppointmentSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if ((from === undefined) !== (to === undefined)) throw new DomainError('validation_failed', 'give both from and to, or neither (for the upcoming ones)', from ? 'to' : 'from');
      if (from && to && Date.parse(from) >= Date.parse(to)) throw new DomainError('validation_failed', 'must be after from', 'to');
      const patient = await loadPatient(pool, request, request.params.id);
      const data = from && to ? await appointmentsIn(pool, patient.id, { from: new Date(from), to: new Date(to) }) : await upcomingAppointments(pool, patient.id, request.receivedAt);
      await logRead(pool, request, 'appointment.list', patient.practiceId, [patient.id]);
      return { data };
    },
  );

  app.patch(
    '/patients/:id/appointments/:appointmentId',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Change when, with whom or where an appointment is, or what it is for',
        description: 'A cancelled appointment, or one that has begun, is kept as it was (409).',
        params: AppointmentParamsSchema,
        body: AppointmentChangesSchema.meta({ example: { startsAt: '2027-01-08T10:00', location: 'Telehealth' } }),
        response: { 200: AppointmentSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) =>
      changeAppointment(actionContext(deps, request), { patientId: request.params.id, appointmentId: request.params.appointmentId, changes: request.body }),
  );

  app.post(
    '/patients/:id/appointments/:appointmentId/cancel',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Cancel an appointment; it is kept, marked cancelled',
        description: 'Cancelling it again changes nothing. One that has begun cannot be cancelled (409).',
        params: AppointmentParamsSchema,
        response: { 200: AppointmentSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => cancelAppointment(actionContext(deps, request), { patientId: request.params.id, appointmentId: request.params.appointmentId }),
  );
};
