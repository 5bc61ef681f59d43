-- Email as a contact channel (issue 24): an address and a choice per patient, and every email kept.

-- 'link': emails only say something is ready and link to it; 'full': the whole content in the email,
-- only after the patient was told plain email is not private and accepted (email_full_consent says
-- when, how, who recorded it and which text they were shown).
ALTER TABLE patients
  ADD COLUMN email text,
  ADD COLUMN email_consent text NOT NULL DEFAULT 'none' CHECK (email_consent IN ('none', 'link', 'full')),
  ADD COLUMN email_full_consent jsonb,
  -- The patient stopped emails (the unsubscribe link, a mail client's one-click, or told staff).
  ADD COLUMN email_opted_out_at timestamptz,
  -- The mail server refused the address for good: nothing more goes to it until staff change it.
  ADD COLUMN email_bounced_at timestamptz,
  ADD CONSTRAINT patients_email_full_consent_check CHECK (email_consent <> 'full' OR email_full_consent IS NOT NULL);

-- Every email, kept as it was queued (its links' tokens are not in it: they are made as it is sent).
CREATE TABLE emails (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  patient_id      uuid NOT NULL REFERENCES patients (id),
  kind            text NOT NULL,
  to_address      text NOT NULL,
  subject         text NOT NULL,
  text_body       text NOT NULL,
  html_body       text NOT NULL,
  -- It holds more than "something is ready": only for a patient whose choice is 'full'.
  full_content    boolean NOT NULL DEFAULT false,
  status          text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sending', 'sent', 'bounced', 'failed', 'cancelled', 'simulated')),
  attempts        integer NOT NULL DEFAULT 0,
  -- The Message-ID the delivered copy carries, and the server's last reply.
  smtp_message_id text,
  smtp_response   text,
  -- Why it did not go (a failure's reply, or why it was cancelled).
  error           text,
  -- When a worker last took it to send: a send cut short by a crash is recognised by it.
  claimed_at      timestamptz,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX emails_patient_idx ON emails (patient_id, created_at);
CREATE INDEX emails_waiting_idx ON emails (patient_id) WHERE status = 'pending';

-- The unsubscribe link of each email sent: made as it is sent, kept only as its SHA-256.
CREATE TABLE email_unsubscribe_tokens (
  token_hash      bytea PRIMARY KEY,
  email_id        uuid NOT NULL UNIQUE REFERENCES emails (id),
  patient_id      uuid NOT NULL REFERENCES patients (id),
  created_at      timestamptz NOT NULL
);
