/**
 * The medicines' forms: add a medicine, change one, stop one. Each is read
 * into the body the API takes (POST and PATCH .../medications), checked by the
 * same schema, and made by the same action, as the user. A form the action
 * refuses comes back with what was typed.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { addMedication, changeMedication, MedicationChangesSchema, NewMedicationSchema } from '../../../actions/index.js';
import { notFound } from '../../../errors.js';
import { findMedication, type MedicationChanges } from '../../../store/medications.js';
import { actionContext } from '../../context.js';
import type { PageDeps } from '../../page-deps.js';
import { redirect } from '../../session.js';
import { field, optional, ownPatient, ticked } from '../forms.js';
import { failedForm, type FieldMap } from '../form-errors.js';
import { medicineForm, NEW_MEDICINE_FORM, stopForm } from './medicines.js';
import { patientPageAfter } from './sections.js';
import { patientView } from './view.js';

const MedicationParams = z.object({ id: z.uuid(), medicationId: z.uuid() });

/** "8:00, 20:00" as the API's times: split on commas or spaces, an hour of one digit padded (the schema checks the rest). */
const readTimes = (text: string): string[] =>
  text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t));

const LABELS: Record<string, string> = { name: 'Medicine', dose: 'Dose', times: 'Times', refillDueOn: 'Refill due', active: 'Active', reminders: 'Reminder texts' };
/** The schemas' fields are the inputs' names; a problem with one time ('times.1') is the times input's. */
const MEDICINE_FIELDS: FieldMap = (name) => {
  const input = name.split('.')[0]!;
  return Object.hasOwn(LABELS, input) ? { input, label: LABELS[input]! } : undefined;
};

export const medicineRoutes: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps } = pageDeps;
  const { pool } = deps.db;
  const show = patientView(pageDeps);

  async function ownMedication(request: Parameters<typeof ownPatient>[1]) {
    const patient = await ownPatient(pool, request);
    const params = MedicationParams.safeParse(request.params);
    const current = params.success ? await findMedication(pool, patient.id, params.data.medicationId) : null;
    if (!current) throw notFound('medication');
    return { patient, current };
  }

  app.post('/patients/:id/medications', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    const body = request.body;
    try {
      const medication = NewMedicationSchema.parse({
        name: field(body, 'name'),
        dose: field(body, 'dose'),
        times: readTimes(field(body, 'times')),
        ...(optional(body, 'refillDueOn') ? { refillDueOn: optional(body, 'refillDueOn') } : {}),
        reminders: ticked(body, 'reminders'),
      });
      await addMedication(actionContext(deps, request), { patientId: patient.id, medication });
    } catch (error) {
      return show(request, reply, patient, failedForm(error, NEW_MEDICINE_FORM, body, MEDICINE_FIELDS));
    }
    return redirect(reply, patientPageAfter(patient.id, { notice: 'medication_added' }));
  });

  app.post('/patients/:id/medications/:medicationId', async (request, reply) => {
    const { patient, current } = await ownMedication(request);
    const body = request.body;
    try {
      const form = MedicationChangesSchema.parse({
        dose: field(body, 'dose'),
        times: readTimes(field(body, 'times')),
        refillDueOn: optional(body, 'refillDueOn') ?? null,
        active: ticked(body, 'active'),
        reminders: ticked(body, 'reminders'),
      });
      // Only what changed, as a PATCH through the API would send it.
      const times = [...form.times!].sort();
      const changes: MedicationChanges = {};
      if (form.dose !== current.dose) changes.dose = form.dose;
      if (times.join(',') !== [...current.times].sort().join(',')) changes.times = times;
      if (form.refillDueOn !== current.refillDueOn) changes.refillDueOn = form.refillDueOn;
      if (form.active !== current.active) changes.active = form.active;
      if (form.reminders !== current.reminders) changes.reminders = form.reminders;
      if (Object.keys(changes).length > 0) {
        await changeMedication(actionContext(deps, request), { patientId: patient.id, medicationId: current.id, changes });
      }
    } catch (error) {
      return show(request, reply, patient, failedForm(error, medicineForm(current.id), body, MEDICINE_FIELDS));
    }
    return redirect(reply, patientPageAfter(patient.id, { notice: 'medication_saved' }));
  });

  app.post('/patients/:id/medications/:medicationId/stop', async (request, reply) => {
    const { patient, current } = await ownMedication(request);
    try {
      if (current.active) await changeMedication(actionContext(deps, request), { patientId: patient.id, medicationId: current.id, changes: { active: false } });
    } catch (error) {
      return show(request, reply, patient, failedForm(error, stopForm(current.id), request.body, MEDICINE_FIELDS));
    }
    return redirect(reply, patientPageAfter(patient.id, { notice: 'medication_stopped' }));
  });
};
