-- CCM documentation: the staff whose time counts, their time entries, care
-- plans, billing settings and the monthly record with its approval and addenda.

-- Staff members. Coordinators are staff already; practitioners (MD, DO, NP, PA) join
-- them here and may have no phone (the service then never calls or texts them).
ALTER TABLE coordinators
  ALTER COLUMN phone DROP NOT NULL,
  ADD COLUMN staff_role text NOT NULL DEFAULT 'clinical_staff' CHECK (staff_role IN ('clinical_staff', 'practitioner')),
  ADD COLUMN credential text;
UPDATE coordinators SET staff_role = 'practitioner' WHERE role IN ('physician', 'nurse_practitioner', 'physician_assistant');
UPDATE coordinators SET credential = CASE role
  WHEN 'nurse' THEN 'RN' WHEN 'medical_assistant' THEN 'MA' WHEN 'physician' THEN 'MD'
  WHEN 'nurse_practitioner' THEN 'NP' WHEN 'physician_assistant' THEN 'PA' END;

-- Staff time on a patient. Only these minutes count toward CPT thresholds; the bot's
-- texts and calls never do. Rows are never deleted: a correction supersedes an entry
-- with a new one, a withdrawal supersedes it with none, and both keep the original.
CREATE TABLE time_entries (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id      uuid NOT NULL REFERENCES practices (id),
  patient_id       uuid NOT NULL REFERENCES patients (id),
  staff_id         uuid NOT NULL REFERENCES coordinators (id),
  activity         text NOT NULL CHECK (activity IN
                     ('call', 'data_review', 'care_plan_update', 'medication_reconciliation', 'care_coordination', 'other')),
  started_at       timestamptz NOT NULL,
  ended_at         timestamptz NOT NULL,
  note             text,
  source           text NOT NULL CHECK (source IN ('manual', 'captured')),
  -- What captured time came from ('escalation_call:<attempt id>', 'alert:<id>'): captured once.
  captured_from    text UNIQUE,
  -- The entry this one corrects.
  corrects_id      uuid REFERENCES time_entries (id),
  superseded_at    timestamptz,
  superseded_by    uuid REFERENCES time_entries (id),
  withdrawn_reason text,
  recorded_by      text NOT NULL,
  recorded_at      timestamptz NOT NULL,
  seq              bigint NOT NULL DEFAULT nextval('record_seq'),
  CHECK (ended_at > started_at)
);
CREATE INDEX time_entries_patient_idx ON time_entries (patient_id, started_at);
CREATE INDEX time_entries_staff_idx ON time_entries (staff_id, started_at) WHERE superseded_at IS NULL;

-- The patient's care plan: the conditions it manages (only these count toward the two
-- CCM needs), goals, interventions, when it was established and last substantially revised.
ALTER TABLE patients ADD COLUMN care_plan jsonb;

-- How the practice bills care management: CCM codes (some may be switched off) or APCM.
ALTER TABLE practices ADD COLUMN billing jsonb NOT NULL
  DEFAULT '{"model": "ccm", "apcmCode": "G0556", "disabledCodes": []}';

-- One record per patient and month (the practice's calendar month). Until approval it is
-- computed from its inputs on every read; approval freezes it, and later changes are addenda.
CREATE TABLE care_months (
  patient_id        uuid NOT NULL REFERENCES patients (id),
  month             text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  practice_id       uuid NOT NULL REFERENCES practices (id),
  complex           boolean NOT NULL DEFAULT false,
  care_plan_revised boolean NOT NULL DEFAULT false,
  -- The coordinator's version of the note; NULL: the drafted one.
  note_text         text,
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  approved_record   jsonb,
  approved_at       timestamptz,
  approved_by_staff uuid REFERENCES coordinators (id),
  approved_by       text,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (patient_id, month)
);

CREATE TABLE care_month_addenda (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id    uuid NOT NULL REFERENCES patients (id),
  month         text NOT NULL,
  text          text NOT NULL,
  -- The time entry (or its correction) made after approval that this addendum reports.
  time_entry_id uuid REFERENCES time_entries (id),
  by            text NOT NULL,
  at            timestamptz NOT NULL,
  seq           bigint NOT NULL DEFAULT nextval('record_seq')
);
CREATE INDEX care_month_addenda_idx ON care_month_addenda (patient_id, month, seq);
