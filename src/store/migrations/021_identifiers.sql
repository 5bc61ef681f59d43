-- Identifiers an EHR matches on (issue 25): the practice's medical record number per
-- patient, the NPI of staff who have one, and the system URI the practice's MRNs live under.

-- Optional (many practices enrol before they export MRNs), but one patient per MRN in a
-- practice: two rows with one MRN would send one chart's notes to the other.
ALTER TABLE patients ADD COLUMN mrn text CHECK (mrn IS NULL OR length(mrn) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX patients_practice_mrn ON patients (practice_id, mrn) WHERE mrn IS NOT NULL;

-- Staff and coordinators share this table; an NPI is ten digits (the Luhn check is the action's).
ALTER TABLE coordinators ADD COLUMN npi text CHECK (npi IS NULL OR npi ~ '^[0-9]{10}$');

-- The Identifier.system of the practice's MRNs in FHIR (its EHR's, e.g. urn:oid:...); null: a default under the service's URL.
ALTER TABLE practices ADD COLUMN mrn_system text;
