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

export async function carePlansOf(db: Queryable, patientIds: readonly string[]): Promise<Map<string, CarePlan>> {
  const { rows } = await db.query<{ id: string; care_plan: CarePlan }>(
    'SELECT id, care_plan FROM patients WHERE id = ANY($1::uuid[]) AND care_plan IS NOT NULL',
    [patientIds],
  );
  return new Map(rows.map((row) => [row.id, row.care_plan]));
}
