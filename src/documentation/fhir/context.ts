import type { CarePlan, Identifier, Organization, Patient, Reference } from '@medplum/fhirtypes';
import type { MonthRecord } from '../types.js';

/** What every resource builder needs: the record, the urns of the shared resources, and business identifiers. */
export interface BuildContext {
  record: MonthRecord;
  patient: Reference<Patient>;
  organization: Reference<Organization>;
  /** Null when the patient has no care plan yet (carePlan.status 'none'). */
  carePlan: Reference<CarePlan> | null;
  /** The Identifier.system of the practice's medical record numbers (index.ts says how it is chosen). */
  mrnSystem: string;
  /** A business identifier under options.baseUrl, or undefined without one. */
  identifier(kind: string, value: string): Identifier | undefined;
  /** The fullUrl (urn:uuid) the resource of this key gets in the bundle, to point at it before it is added. */
  fullUrl(key: string): string;
}

/** An array, or undefined when it is empty: FHIR JSON never holds an empty array. */
export function nonEmpty<T>(items: readonly (T | undefined)[]): T[] | undefined {
  const present = items.filter((item): item is T => item !== undefined);
  return present.length > 0 ? present : undefined;
}

/** A resource and the name its urn is made from (unique within the practice). */
export interface Keyed<T> {
  key: string;
  resource: T;
}
