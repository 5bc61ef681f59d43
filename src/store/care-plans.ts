import type { CarePlan } from '../documentation/types.js';
import type { Queryable } from './sql.js';

export type { CarePlan };

export async function findCarePlan(db: Queryable, patientId: string): Promise<CarePlan | null> {
  const { rows } = await db.query<{ care_plan: CarePlan | null }>('SELECT care_plan FROM patients WHERE id = $1', [patientId]);
  return rows[0]?.care_plan ?? null;
}

export async function saveCarePlan(db: Queryable, patientId: string, plan: CarePlan): Promise<void> {
  await db.query('UPDATE patients SET care_plan = $2 WHERE id = $1', [patientId, JSON.stringify(plan)]);
}
