-- EHR write-back (issue 25): each practice's connection to its EHR's FHIR server, and an outbox of
-- approved months and addenda to send there.

-- How the service reaches a practice's EHR (SMART Backend Services). The private key is never here:
-- only where the process finds it, a file path or the NAME of an environment variable.
CREATE TABLE ehr_connections (
  practice_id       uuid PRIMARY KEY REFERENCES practices (id),
  fhir_base_url     text NOT NULL,
  token_url         text NOT NULL,
  client_id         text NOT NULL,
  scopes            text NOT NULL,
  key_id            text NOT NULL,
  algorithm         text NOT NULL CHECK (algorithm IN ('RS384', 'ES384')),
  private_key_file  text,
  private_key_env   text,
  -- The system URI the practice's identifiers are written under; fixed once set, so a month
  -- sent again matches what was sent before.
  identifier_system text NOT NULL,
  enabled           boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CONSTRAINT ehr_connections_one_key_source CHECK ((private_key_file IS NULL) <> (private_key_env IS NULL))
);

-- One row per document to send: the approved month (addendum_seq NULL) or one addendum. Written in
-- the approval's (or the addendum's) transaction, with the job that sends it; it keeps its state and
-- last error whatever happens, so nothing approved is lost to an EHR that refused or was away.
CREATE TABLE ehr_writebacks (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id        uuid NOT NULL REFERENCES practices (id),
  patient_id         uuid NOT NULL REFERENCES patients (id),
  month              text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('month', 'addendum')),
  -- care_month_addenda.seq of the addendum this row sends.
  addendum_seq       bigint,
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts           integer NOT NULL DEFAULT 0,
  -- The EHR's last answer: its HTTP status (null: no answer, a network error) and what it said.
  last_http_status   integer,
  last_error         text,
  -- Where the EHR keeps the DocumentReference ('DocumentReference/123/_history/1').
  document_reference text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  sent_at            timestamptz,
  CONSTRAINT ehr_writebacks_addendum_seq_check CHECK ((kind = 'addendum') = (addendum_seq IS NOT NULL))
);

CREATE UNIQUE INDEX ehr_writebacks_document_idx ON ehr_writebacks (patient_id, month, coalesce(addendum_seq, 0));
-- The practice admin's list of what failed or waits.
CREATE INDEX ehr_writebacks_practice_idx ON ehr_writebacks (practice_id, status, created_at);
