-- The week-4 summary (issue 24): the patient's copy of their care plan, by email.

-- A planned contact like a check-in: one per patient and month.
ALTER TABLE outreach DROP CONSTRAINT outreach_kind_check;
ALTER TABLE outreach ADD CONSTRAINT outreach_kind_check CHECK (kind IN ('check_in', 'reminder', 'refill_prompt', 'questionnaire', 'summary'));

-- One summary made for one planned contact, kept as it was sent: what the patient was told can be shown again.
CREATE TABLE summaries (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  patient_id      uuid NOT NULL REFERENCES patients (id),
  outreach_id     uuid NOT NULL UNIQUE REFERENCES outreach (id),
  month           text NOT NULL,
  content         jsonb NOT NULL,
  email_id        uuid REFERENCES emails (id),
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  opened_at       timestamptz
);
CREATE INDEX summaries_patient_idx ON summaries (patient_id, created_at);
CREATE INDEX summaries_email_idx ON summaries (email_id);

-- The link in the email that opens it: made as the email is sent, kept only as its SHA-256.
CREATE TABLE summary_tokens (
  token_hash      bytea PRIMARY KEY,
  summary_id      uuid NOT NULL REFERENCES summaries (id),
  email_id        uuid NOT NULL UNIQUE REFERENCES emails (id),
  created_at      timestamptz NOT NULL
);
