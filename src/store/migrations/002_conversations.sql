-- Conversations, every message in and out, what patients reported, alerts and
-- system events: the timestamped record a CCM audit needs.

CREATE TABLE conversations (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id      uuid NOT NULL REFERENCES practices (id),
  patient_id       uuid NOT NULL REFERENCES patients (id),
  flow             text NOT NULL,
  channel          text NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'voice')),
  status           text NOT NULL CHECK (status IN
                     ('active', 'completed', 'no_usable_answer', 'timed_out', 'escalated', 'cancelled')),
  -- The XState persisted snapshot and the state it is in.
  state            text NOT NULL,
  snapshot         jsonb NOT NULL,
  -- Bumped on every step; a timeout job only acts on the version it was scheduled for.
  version          integer NOT NULL DEFAULT 1,
  answers          jsonb NOT NULL DEFAULT '{}',
  -- What the flow was started with (locale, medication), for re-rendering its prompts.
  input            jsonb NOT NULL DEFAULT '{}',
  started_at       timestamptz NOT NULL DEFAULT now(),
  last_activity_at timestamptz NOT NULL DEFAULT now(),
  -- When the wait for the patient's current answer runs out.
  expires_at       timestamptz,
  ended_at         timestamptz
);
-- One open conversation per patient: an inbound text always has one place to go.
CREATE UNIQUE INDEX conversations_one_active_idx ON conversations (patient_id) WHERE status = 'active';
CREATE INDEX conversations_patient_idx ON conversations (patient_id, started_at);

CREATE TABLE messages (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid REFERENCES practices (id),
  patient_id      uuid REFERENCES patients (id),
  coordinator_id  uuid REFERENCES coordinators (id),
  conversation_id uuid REFERENCES conversations (id),
  direction       text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  -- Who the text is for or from: the patient, or a coordinator being alerted about them.
  audience        text NOT NULL DEFAULT 'patient' CHECK (audience IN ('patient', 'coordinator')),
  channel         text NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'voice')),
  -- Why the message exists: 'reply', 'check_in', 'opt_out', 'help', 'red_flag', 'alert', 'unmatched', ...
  kind            text NOT NULL,
  from_number     text NOT NULL,
  to_number       text NOT NULL,
  body            text NOT NULL,
  -- Twilio's MessageSid: inbound ones make redelivered webhooks harmless.
  twilio_sid      text UNIQUE,
  -- The inbound message an outbound one answers (sent back as TwiML).
  in_reply_to     uuid REFERENCES messages (id),
  status          text NOT NULL,
  -- Orders statuses so an older status callback never overwrites a newer one.
  status_rank     integer NOT NULL DEFAULT 0,
  error_code      integer,
  attempts        integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_patient_idx ON messages (patient_id, created_at);
CREATE INDEX messages_reply_idx ON messages (in_reply_to) WHERE in_reply_to IS NOT NULL;

CREATE TABLE observations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  patient_id      uuid NOT NULL REFERENCES patients (id),
  conversation_id uuid REFERENCES conversations (id),
  -- The inbound message the value came from (NULL for a timeout).
  message_id      uuid REFERENCES messages (id),
  kind            text NOT NULL,
  value           jsonb NOT NULL,
  observed_at     timestamptz NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX observations_patient_idx ON observations (patient_id, observed_at);

CREATE TABLE alerts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  patient_id      uuid NOT NULL REFERENCES patients (id),
  conversation_id uuid REFERENCES conversations (id),
  message_id      uuid REFERENCES messages (id),
  level           text NOT NULL CHECK (level IN ('urgent', 'elevated')),
  reason          text NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  -- When the on-call coordinators were notified (alert.escalate is idempotent on it).
  escalated_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_practice_idx ON alerts (practice_id, status, created_at);

-- Things that happened to a patient that are not messages: opt-out, red flag, timeouts...
CREATE TABLE patient_events (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  patient_id      uuid NOT NULL REFERENCES patients (id),
  conversation_id uuid REFERENCES conversations (id),
  message_id      uuid REFERENCES messages (id),
  type            text NOT NULL,
  detail          jsonb NOT NULL DEFAULT '{}',
  at              timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX patient_events_patient_idx ON patient_events (patient_id, at);
CREATE INDEX messages_to_kind_idx ON messages (to_number, kind, created_at) WHERE direction = 'outbound';
