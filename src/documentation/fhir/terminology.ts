/**
 * Code systems and the few codes the bundle uses, each checked against its
 * source: LOINC for the observations and the note, HL7 terminology (THO) for
 * categories and modes, CPT/HCPCS for the billing codes.
 */
import type { CodeableConcept, Coding, Quantity } from '@medplum/fhirtypes';
import { APCM_CODES, type BillingCode, type ContactChannel } from '../types.js';

export const SYSTEM = {
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  cpt: 'http://www.ama-assn.org/go/cpt',
  /** HCPCS Level II, as THO names it (the G codes). */
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  language: 'urn:ietf:bcp:47',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  participationMode: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
  flagPriority: 'http://hl7.org/fhir/flag-priority-code',
  /** US National Provider Identifier, as FHIR names its namespace. */
  npi: 'http://hl7.org/fhir/sid/us-npi',
  /** HL7 v2 table 0203, identifier types (MR: medical record number). */
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
} as const;

/** The core extension that carries a Flag's priority. */
export const FLAG_PRIORITY_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/flag-priority';

export const LOINC = {
  bloodPressurePanel: { code: '85354-9', display: 'Blood pressure panel with all children optional' },
  systolic: { code: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { code: '8462-4', display: 'Diastolic blood pressure' },
  painSeverity: { code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' },
  progressNote: { code: '11506-3', display: 'Progress note' },
} as const;

export function concept(system: string, code: string, display?: string, text?: string): CodeableConcept {
  const coding: Coding = display === undefined ? { system, code } : { system, code, display };
  return text === undefined ? { coding: [coding] } : { coding: [coding], text };
}

export function loinc(entry: { code: string; display: string }, text?: string): CodeableConcept {
  return concept(SYSTEM.loinc, entry.code, entry.display, text);
}

export function observationCategory(code: 'vital-signs' | 'survey'): CodeableConcept[] {
  return [concept(SYSTEM.observationCategory, code, code === 'vital-signs' ? 'Vital Signs' : 'Survey')];
}

export function mmHg(value: number): Quantity {
  return { value, unit: 'mmHg', system: SYSTEM.ucum, code: 'mm[Hg]' };
}

export function percent(value: number): Quantity {
  return { value, unit: '%', system: SYSTEM.ucum, code: '%' };
}

/**
 * How a message or call went, from v3-ParticipationMode. The code system has
 * no code for SMS: a text is WRITTEN (its ELECTRONIC means machine signals).
 * Answers sent from the questionnaire's web page are ONLINEWRIT (online written).
 */
export function medium(channel: ContactChannel): CodeableConcept {
  switch (channel) {
    case 'sms':
      return concept(SYSTEM.participationMode, 'WRITTEN', 'written', 'SMS text message');
    case 'voice':
      return concept(SYSTEM.participationMode, 'PHONE', 'telephone', 'Phone call');
    case 'form':
      return concept(SYSTEM.participationMode, 'ONLINEWRIT', 'online written', 'Questionnaire answered on a web form');
  }
}

/** CPT for the CCM codes, HCPCS Level II for the APCM G codes. */
export function billingCode(code: BillingCode): CodeableConcept {
  const isHcpcs = (APCM_CODES as readonly string[]).includes(code);
  return concept(isHcpcs ? SYSTEM.hcpcs : SYSTEM.cpt, code);
}

export const LANGUAGE_NAMES = { en: 'English', es: 'Spanish' } as const;
