/**
 * The panel's care plans, on file before the month's work starts: CCM needs
 * an established care plan covering two or more chronic conditions before
 * any month can be billed (DOMAIN.md), and a practice writes it at the
 * initiating visit, not in the coordinator's outreach time. Written through
 * the API (PUT /patients/:id/care-plan), for the conditions every simulated
 * patient is enrolled with.
 */
import type { Api } from './api.js';

const PLAN = {
  status: 'active',
  problems: [{ condition: 'hypertension' }, { condition: 'type 2 diabetes' }],
  goals: ['Blood pressure under 140/90', 'A1c under 7.5%'],
  interventions: ['Text check-ins twice a month', 'Daily medication reminders where set', 'Coordinator call when a check-in raises a concern'],
  reviewSchedule: 'every 3 months',
} as const;

export async function establishCarePlans(api: Api, patientIds: readonly string[]): Promise<void> {
  for (const id of patientIds) await api.put(`/patients/${id}/care-plan`, PLAN);
}
