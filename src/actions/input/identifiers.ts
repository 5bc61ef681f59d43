/**
 * Identifiers an EHR matches records on: a patient's medical record number
 * (the practice's own) and a clinician's National Provider Identifier.
 * Their messages never repeat the value typed: an MRN is PHI.
 */
import { z } from 'zod';

/**
 * A medical record number as the practice's EHR writes it. EHRs differ
 * (digits, letters, "E-10042", "000123"), so only the shape that could never be
 * one is refused; leading zeros are kept, since "000123" and "123" may be
 * different charts.
 */
export const MrnSchema = z
  .string()
  .trim()
  .min(1, 'is empty; leave it out when the patient has no medical record number')
  .max(64, 'is too long for a medical record number (at most 64 characters)')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\/-]*$/, 'must be the medical record number as the EHR shows it: letters, digits and - . / only')
  .meta({ example: 'E100423', description: "The practice's medical record number (MRN) for the patient; unique in the practice" });

/**
 * Whether a ten-digit NPI passes its check digit: the Luhn formula over the
 * first nine digits prefixed with 80840 (the NPI's card issuer prefix), which
 * adds a constant 24 to the sum (CMS, "Requirements for NPI check digit").
 */
export function npiCheckDigitValid(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    // From the right of the nine, every other digit starting with the rightmost is doubled.
    let digit = Number(npi[8 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

export const NpiSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .refine((value) => /^\d{10}$/.test(value), { message: 'must be a 10-digit National Provider Identifier (NPI)' })
  .refine(npiCheckDigitValid, { message: "is not a valid NPI: its last digit does not match (check it on the NPPES registry)" })
  .meta({ example: '1234567893', description: 'National Provider Identifier, 10 digits' });
