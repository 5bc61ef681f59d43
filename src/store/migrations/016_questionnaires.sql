-- The week-2 questionnaire (issue 23): a link by text to a form the patient fills in.

-- The questionnaire is a planned contact like a check-in: one per patient and month.
ALTER TABLE outreach DROP CONSTRAINT outreach_kind_check;
ALTER TABLE outreach ADD CONSTRAINT outreach_kind_check CHECK (kind IN ('check_in', 'reminder', 'refill_prompt', 'questionnaire'));

-- A form's answers arrive as a message of the form channel, so the transcript and the turn take them like a text.
ALTER TABLE messages DROP CONSTRAINT messages_channel_check;
ALTER TABLE messages ADD CONSTRAINT messages_channel_check CHECK (channel IN ('sms', 'voice', 'form'));

-- What a practice asks in week 2: on or off, and which parts (health, mood, medicines, ...).
ALTER TABLE practices ADD COLUMN questionnaire jsonb;

-- One questionnaire sent to one patient for one planned contact. The definition is kept as
-- it was sent (its medicines are the patient's of that day), so the answers always read against it.
CREATE TABLE questionnaire_links (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  patient_id      uuid NOT NULL REFERENCES patients (id),
  outreach_id     uuid NOT NULL UNIQUE REFERENCES outreach (id),
  definition      jsonb NOT NULL,
  locale          text NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  opened_at       timestamptz,
  reminded_at     timestamptz,
  -- The self-harm answer was escalated (once, as soon as it was given, before the form was sent).
  escalated_at    timestamptz,
  submitted_at    timestamptz,
  -- The link ran out unanswered and counted as a contact the patient did not answer.
  lapsed_at       timestamptz,
  -- Answers so far, by linkId, and the screens the patient has been through: leaving and coming back keeps them.
  answers         jsonb NOT NULL DEFAULT '{}',
  seen            jsonb NOT NULL DEFAULT '[]',
  -- The texts that carry the link, and the message of the form channel that carries the submitted answers into the transcript.
  invite_message_id   uuid REFERENCES messages (id),
  reminder_message_id uuid REFERENCES messages (id),
  response_message_id uuid REFERENCES messages (id)
);
CREATE INDEX questionnaire_links_invite_idx ON questionnaire_links (invite_message_id);
CREATE INDEX questionnaire_links_reminder_idx ON questionnaire_links (reminder_message_id);
CREATE INDEX questionnaire_links_patient_idx ON questionnaire_links (patient_id, created_at);

-- Each text that carries the link holds its own token, made when the text is sent and
-- stored only as its SHA-256: the text's stored body shows the link without it.
CREATE TABLE questionnaire_tokens (
  token_hash      bytea PRIMARY KEY,
  link_id         uuid NOT NULL REFERENCES questionnaire_links (id),
  message_id      uuid NOT NULL UNIQUE REFERENCES messages (id),
  created_at      timestamptz NOT NULL
);

-- A visit: the token was exchanged for this cookie (its SHA-256 here), short-lived, with its CSRF token.
CREATE TABLE questionnaire_visits (
  cookie_hash     bytea PRIMARY KEY,
  link_id         uuid NOT NULL REFERENCES questionnaire_links (id),
  csrf            text NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL
);

-- Links that matched nothing, by client address: many in a short time is someone guessing.
CREATE TABLE questionnaire_link_failures (
  client          text NOT NULL,
  at              timestamptz NOT NULL
);
CREATE INDEX questionnaire_link_failures_idx ON questionnaire_link_failures (client, at);
