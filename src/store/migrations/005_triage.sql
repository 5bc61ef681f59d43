-- Triage rules and evaluations, the alert queue, escalation by phone, the
-- morning digest, and one-off scheduled runs.

-- A practice's own triage rules; every version is kept (evaluations name the one they used).
CREATE TABLE triage_rule_sets (
  practice_id uuid NOT NULL REFERENCES practices (id),
  version     integer NOT NULL,
  rules       jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  PRIMARY KEY (practice_id, version)
);

-- Every evaluation of a patient: the level, the rules that fired with what they saw, and why.
CREATE TABLE triage_evaluations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id   uuid NOT NULL REFERENCES practices (id),
  patient_id    uuid NOT NULL REFERENCES patients (id),
  level         text NOT NULL CHECK (level IN ('urgent', 'elevated', 'routine', 'stable')),
  rules_version text NOT NULL,
  findings      jsonb NOT NULL,
  reasons       jsonb NOT NULL,
  trigger       text NOT NULL,
  evaluated_at  timestamptz NOT NULL,
  seq           bigint NOT NULL DEFAULT nextval('record_seq')
);
CREATE INDEX triage_evaluations_patient_idx ON triage_evaluations (patient_id, evaluated_at);

-- The patient's current level, and since when (the evaluation that first reached it).
ALTER TABLE patients
  ADD COLUMN triage_level text NOT NULL DEFAULT 'routine' CHECK (triage_level IN ('urgent', 'elevated', 'routine', 'stable')),
  ADD COLUMN triage_since timestamptz,
  ADD COLUMN triage_reasons jsonb NOT NULL DEFAULT '[]',
  -- When an evaluation last found the patient urgent or elevated (stable needs quiet weeks).
  ADD COLUMN last_concern_at timestamptz;

-- Alerts: who acted and when; elevated ones have a review deadline.
ALTER TABLE alerts
  ADD COLUMN explanation text,
  ADD COLUMN review_due_at timestamptz,
  ADD COLUMN overdue_at timestamptz,
  ADD COLUMN acknowledged_at timestamptz,
  ADD COLUMN acknowledged_by uuid REFERENCES coordinators (id),
  ADD COLUMN resolved_at timestamptz,
  ADD COLUMN resolved_by uuid REFERENCES coordinators (id),
  ADD COLUMN resolution_note text;
-- One open alert per patient and reason: new evidence joins it.
CREATE UNIQUE INDEX alerts_one_open_idx ON alerts (patient_id, reason) WHERE status <> 'resolved';
CREATE INDEX alerts_queue_idx ON alerts (practice_id, status, level, created_at);

-- What an alert rests on; a piece of evidence raises one alert per reason, once.
CREATE TABLE alert_evidence (
  alert_id       uuid NOT NULL REFERENCES alerts (id),
  evidence_key   text NOT NULL,
  observation_id uuid REFERENCES observations (id),
  message_id     uuid REFERENCES messages (id),
  explanation    text NOT NULL,
  at             timestamptz NOT NULL,
  added_at       timestamptz NOT NULL,
  PRIMARY KEY (alert_id, evidence_key)
);

-- Each step of an urgent alert's escalation: a call to one coordinator, or the final texts.
CREATE TABLE escalation_attempts (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  alert_id       uuid NOT NULL REFERENCES alerts (id),
  step           integer NOT NULL,
  round          integer NOT NULL,
  coordinator_id uuid REFERENCES coordinators (id),
  kind           text NOT NULL CHECK (kind IN ('call', 'final_texts')),
  -- Opaque, in the call's webhook URLs: binds a keypress to this attempt.
  token          text UNIQUE,
  call_sid       text,
  status         text NOT NULL,
  outcome        text,
  answered_by    text,
  bridge_seconds integer,
  started_at     timestamptz NOT NULL,
  ended_at       timestamptz,
  UNIQUE (alert_id, step)
);

-- Coordinators: the morning digest, and API keys that belong to a coordinator.
ALTER TABLE coordinators ADD COLUMN receives_digest boolean NOT NULL DEFAULT true;
ALTER TABLE api_keys ADD COLUMN coordinator_id uuid REFERENCES coordinators (id);

-- Practice settings for triage and escalation.
ALTER TABLE practices
  ADD COLUMN digest_time time NOT NULL DEFAULT '07:30',
  ADD COLUMN review_hours integer NOT NULL DEFAULT 48 CHECK (review_hours BETWEEN 1 AND 720),
  ADD COLUMN escalation_wait_seconds integer NOT NULL DEFAULT 60 CHECK (escalation_wait_seconds BETWEEN 0 AND 3600);

-- One row per occurrence of something scheduled (a practice's digest for a day):
-- its key makes it exist once, whatever restarts or second instances happen.
CREATE TABLE scheduled_runs (
  kind    text NOT NULL,
  key     text NOT NULL,
  due_at  timestamptz NOT NULL,
  done_at timestamptz,
  PRIMARY KEY (kind, key)
);

-- Who got which morning digest: at most one per coordinator per local day.
CREATE TABLE digest_deliveries (
  coordinator_id uuid NOT NULL REFERENCES coordinators (id),
  local_date     date NOT NULL,
  message_id     uuid REFERENCES messages (id),
  PRIMARY KEY (coordinator_id, local_date)
);

-- A Twilio voice webhook answered once is answered the same way when Twilio repeats it.
CREATE TABLE webhook_replies (
  request_key text PRIMARY KEY,
  response    text NOT NULL,
  created_at  timestamptz NOT NULL
);
