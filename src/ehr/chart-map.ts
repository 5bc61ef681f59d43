/**
 * A chart read from the EHR, as the admin reviews it before anything is
 * saved: pure mapping from FHIR R4 (Patient, Condition, MedicationRequest),
 * no I/O. What cannot be imported is listed with why, never dropped
 * silently: a SNOMED-only problem is shown as 'not ICD-10' so the admin
 * knows it exists and can code it by hand.
 */
import type { Condition, MedicationRequest, Patient } from '@medplum/fhirtypes';
import { toE164 } from '../phone.js';

export const ICD10_CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';

export interface ChartCondition {
  /** What the admin ticks: the ICD-10-CM code, or the FHIR id when there is none. */
  key: string;
  icd10: string | null;
  display: string;
  /** Only ICD-10-coded problems are imported: CCM billing counts coded chronic conditions. */
  importable: boolean;
  /** Why it is not importable, in words. */
  note: string | null;
}

export interface ChartMedication {
  /** The MedicationRequest's id: what the admin ticks. */
  key: string;
  name: string;
  dose: string;
  /** 'HH:MM', from timing.repeat.timeOfDay; empty when the EHR gives none. */
  times: string[];
}

export interface ChartPreview {
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  /** E.164; null when the chart has no usable phone. */
  phone: string | null;
  language: 'en' | 'es' | null;
  conditions: ChartCondition[];
  medications: ChartMedication[];
}

/** What the dose falls back to when the EHR writes no dosage instruction (the column cannot be empty). */
export const DOSE_NOT_GIVEN = 'as prescribed (no dose in the EHR)';

/** The name in use: official first, then any; given names joined. */
export function patientName(patient: Patient): { firstName: string; lastName: string } {
  const names = patient.name ?? [];
  const name = names.find((n) => n.use === 'official' && !n.period?.end) ?? names.find((n) => !n.period?.end) ?? names[0];
  const firstName = (name?.given ?? []).join(' ').trim();
  const lastName = (name?.family ?? '').trim();
  if (firstName || lastName) return { firstName: firstName || lastName, lastName: lastName || firstName };
  const [first = '', ...rest] = (name?.text ?? '').trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') || first };
}

/** A phone that texts reach: a current mobile first, then any current phone; E.164 or null. */
export function patientPhone(patient: Patient): string | null {
  const phones = (patient.telecom ?? []).filter((t) => t.system === 'phone' && t.value && !t.period?.end);
  const ranked = [...phones.filter((t) => t.use === 'mobile'), ...phones.filter((t) => t.use !== 'mobile' && t.use !== 'old')];
  for (const t of ranked) {
    const e164 = toE164(t.value!);
    if (e164) return e164;
  }
  return null;
}

/** English or Spanish when the chart says so (BCP-47 'es', 'es-MX', or words); null otherwise. */
export function patientLanguage(patient: Patient): 'en' | 'es' | null {
  const comms = patient.communication ?? [];
  const chosen = comms.find((c) => c.preferred) ?? comms[0];
  const words = [...(chosen?.language.coding ?? []).map((c) => c.code ?? c.display ?? ''), chosen?.language.text ?? ''].join(' ').toLowerCase();
  if (/\b(es|spa|spanish|español|espanol)\b/.test(words) || /\bes-/.test(words)) return 'es';
  if (/\b(en|eng|english)\b/.test(words) || /\ben-/.test(words)) return 'en';
  return null;
}

export function mapCondition(condition: Condition): ChartCondition {
  const coding = condition.code?.coding ?? [];
  const icd = coding.find((c) => c.system === ICD10_CM_SYSTEM && c.code);
  const display = (icd?.display ?? condition.code?.text ?? coding.find((c) => c.display)?.display ?? icd?.code ?? 'Unnamed condition').trim();
  if (icd) return { key: icd.code!.trim().toUpperCase(), icd10: icd.code!.trim().toUpperCase(), display, importable: true, note: null };
  return { key: `fhir:${condition.id ?? display}`, icd10: null, display, importable: false, note: 'not ICD-10' };
}

/** 'HH:MM:SS' (FHIR time) to 'HH:MM'; null when it is not a time. */
const hhmm = (time: string) => (/^([01]\d|2[0-3]):[0-5]\d/.test(time) ? time.slice(0, 5) : null);

export function mapMedication(request: MedicationRequest): ChartMedication {
  const concept = request.medicationCodeableConcept;
  const name = (concept?.text ?? concept?.coding?.find((c) => c.display)?.display ?? request.medicationReference?.display ?? 'Unnamed medication').trim();
  const dosage = request.dosageInstruction?.[0];
  const quantity = dosage?.doseAndRate?.[0]?.doseQuantity;
  const dose = dosage?.text?.trim() || (quantity?.value !== undefined ? `${quantity.value} ${quantity.unit ?? quantity.code ?? ''}`.trim() : DOSE_NOT_GIVEN);
  const times = [...new Set((request.dosageInstruction ?? []).flatMap((d) => d.timing?.repeat?.timeOfDay ?? []).map(hhmm).filter((t): t is string => t !== null))].sort();
  return { key: request.id ?? name, name, dose, times };
}

/** The review: the patient and their active problems and medicines, ICD-10 problems first. */
export function chartPreview(patient: Patient, conditions: Condition[], medications: MedicationRequest[]): ChartPreview {
  const mapped = conditions.map(mapCondition);
  // One line per code: an EHR may hold the same problem twice (two encounters).
  const seen = new Set<string>();
  const unique = mapped.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
  return {
    ...patientName(patient),
    dateOfBirth: patient.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate) ? patient.birthDate : null,
    phone: patientPhone(patient),
    language: patientLanguage(patient),
    conditions: [...unique.filter((c) => c.importable), ...unique.filter((c) => !c.importable)],
    medications: medications.map(mapMedication),
  };
}
