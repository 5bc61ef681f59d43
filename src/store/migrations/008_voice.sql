-- Check-ins by phone: each call to or from a patient, what it is for, how it
-- went, and where its conversation stands between Twilio's requests.
CREATE TABLE patient_calls (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  patient_id      uuid REFERENCES patients (id),
  conversation_id uuid REFERENCES conversations (id),
  direction       text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  -- The opaque token in every URL of this call: Twilio's requests name the call by it.
  token           text NOT NULL UNIQUE,
  call_sid        text UNIQUE,
  -- Which try at reaching the patient this is, for an outbound check-in (1, 2, 3).
  attempt         integer NOT NULL DEFAULT 1,
  status          text NOT NULL DEFAULT 'queued',
  answered_by     text,
  -- What the voice channel waits for beyond the flow's question: the bottom number of a
  -- blood pressure entered by keypad, a spoken answer to confirm, silences so far.
  pending         jsonb NOT NULL DEFAULT '{}',
  -- Turns the call has spoken: each gather URL carries the next, so two silences in a row
  -- are two different requests (Twilio repeating one request gets the same answer).
  turns           integer NOT NULL DEFAULT 0,
  outcome         text,
  duration_seconds integer,
  started_at      timestamptz NOT NULL,
  ended_at        timestamptz
);
CREATE INDEX patient_calls_conversation_idx ON patient_calls (conversation_id);
CREATE INDEX patient_calls_patient_idx ON patient_calls (patient_id, started_at);
