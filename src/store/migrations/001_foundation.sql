-- Practices, their staff, enrolled patients and medications, API keys and the
-- audit trail of reads. Clinical and billing rows are never hard-deleted.

CREATE TABLE practices (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  timezone      text NOT NULL,
  -- The practice's Twilio number (E.164): inbound texts are routed by it.
  phone_number  text NOT NULL UNIQUE,
  -- The number patients are told to call; the Twilio number when unset.
  contact_phone text,
  -- No outreach to patients between quiet_start and quiet_end, patient-local time.
  quiet_start   time NOT NULL DEFAULT '21:00',
  quiet_end     time NOT NULL DEFAULT '08:00',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id  uuid NOT NULL REFERENCES practices (id),
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('admin', 'coordinator')),
  -- SHA-256 of the token; the token itself is shown once and never stored.
  token_hash   text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
CREATE INDEX api_keys_practice_idx ON api_keys (practice_id);

CREATE TABLE coordinators (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id   uuid NOT NULL REFERENCES practices (id),
  name          text NOT NULL,
  phone         text NOT NULL,
  email         text,
  role          text NOT NULL,
  -- Who is called first when something is urgent (1 = first); NULL = not on call.
  on_call_order integer CHECK (on_call_order > 0),
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, phone),
  -- Lets patients reference a coordinator of their own practice only.
  UNIQUE (practice_id, id)
);

CREATE TABLE patients (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id         uuid NOT NULL REFERENCES practices (id),
  coordinator_id      uuid,
  first_name          text NOT NULL,
  last_name           text NOT NULL,
  phone               text NOT NULL,
  date_of_birth       date,
  timezone            text,
  language            text NOT NULL CHECK (language IN ('en', 'es')),
  preferred_channel   text NOT NULL CHECK (preferred_channel IN ('sms', 'voice')),
  conditions          text[] NOT NULL DEFAULT '{}',
  consent_status      text NOT NULL CHECK (consent_status IN ('granted', 'declined')),
  consent_method      text NOT NULL CHECK (consent_method IN ('verbal', 'written')),
  consent_recorded_at timestamptz NOT NULL,
  consent_recorded_by text NOT NULL,
  -- Set when the patient opts out of texts (STOP); cleared by START.
  sms_opted_out_at    timestamptz,
  -- Set when Twilio reports the number cannot receive texts (21211).
  phone_invalid_at    timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, phone),
  FOREIGN KEY (practice_id, coordinator_id) REFERENCES coordinators (practice_id, id)
);
CREATE INDEX patients_practice_created_idx ON patients (practice_id, created_at, id);

CREATE TABLE medications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id    uuid NOT NULL REFERENCES patients (id),
  name          text NOT NULL,
  dose          text NOT NULL,
  -- Local times of day ('08:00') the patient takes it.
  times         text[] NOT NULL,
  refill_due_on date,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX medications_patient_idx ON medications (patient_id);

-- Who read or changed which patient's record through the API (HIPAA access log).
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_kind  text NOT NULL CHECK (actor_kind IN ('admin_token', 'api_key')),
  actor_id    uuid,
  practice_id uuid,
  patient_id  uuid,
  action      text NOT NULL,
  request_id  text
);
CREATE INDEX audit_log_patient_idx ON audit_log (patient_id, at);
