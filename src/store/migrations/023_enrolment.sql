-- Enrolment campaigns (issue 26): patients eligible for CCM but not enrolled, campaigns that invite
-- them, the consent text a practice shows (versioned, never edited in place), and each consent
-- given, with everything CMS asks a record to hold.

-- A patient the practice may offer CCM to: two or more chronic conditions expected to last 12
-- months, a billing practitioner, the last visit (none, or over a year ago, needs an initiating
-- visit before CCM can start). One row per phone per practice; once consent is given the row
-- points at the patient it became.
CREATE TABLE candidates (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id             uuid NOT NULL REFERENCES practices (id),
  first_name              text NOT NULL,
  last_name               text NOT NULL,
  phone                   text NOT NULL,
  -- From the practice's list: a landline is called, never texted.
  phone_type              text NOT NULL DEFAULT 'unknown' CHECK (phone_type IN ('mobile', 'landline', 'unknown')),
  date_of_birth           date,
  mrn                     text CHECK (mrn IS NULL OR length(mrn) BETWEEN 1 AND 64),
  email                   text,
  language                text NOT NULL CHECK (language IN ('en', 'es')),
  preferred_channel       text NOT NULL CHECK (preferred_channel IN ('sms', 'voice')),
  timezone                text,
  conditions              text[] NOT NULL CHECK (cardinality(conditions) >= 2),
  billing_practitioner_id uuid NOT NULL,
  last_visit_on           date,
  -- Where the invitation stands. listed: not invited (yet, or a visit is needed first);
  -- invited: invited, no answer yet; interested: said yes, has not consented;
  -- consented: consent recorded, enrolled as patient_id; declined: said no (never asked again
  -- by a campaign); opted_out: asked for no more messages; no_answer: the last reminder went
  -- unanswered, left for a person to call.
  state                   text NOT NULL DEFAULT 'listed'
                          CHECK (state IN ('listed', 'invited', 'interested', 'consented', 'declined', 'opted_out', 'no_answer')),
  campaign_id             uuid,
  invited_at              timestamptz,
  -- A message reached them (delivered, or they answered, or a call was answered).
  reached_at              timestamptz,
  interested_at           timestamptz,
  declined_at             timestamptz,
  -- How they said no, in the record's words ("replied 'no gracias'", "told Linda Park by phone").
  declined_how            text,
  opted_out_at            timestamptz,
  no_answer_at            timestamptz,
  consented_at            timestamptz,
  -- On the call list for a person to call, and why: no_answer (the last reminder went unanswered),
  -- consent_unsigned (said yes, never signed), asked_for_call (wrote something a person must
  -- answer, or asked to be called), voice_interest (said yes on a call: consent is taken by phone).
  call_reason             text CHECK (call_reason IN ('no_answer', 'consent_unsigned', 'asked_for_call', 'voice_interest')),
  call_listed_at          timestamptz,
  -- The last call a person made from the call list that settled nothing: when, who, what happened.
  last_called_at          timestamptz,
  last_called_by          text,
  last_call_note          text,
  patient_id              uuid UNIQUE REFERENCES patients (id),
  created_by              text NOT NULL,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  UNIQUE (practice_id, phone),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, billing_practitioner_id) REFERENCES coordinators (practice_id, id)
);
CREATE UNIQUE INDEX candidates_practice_mrn_idx ON candidates (practice_id, mrn) WHERE mrn IS NOT NULL;
CREATE INDEX candidates_campaign_idx ON candidates (campaign_id, state);

-- A campaign invites a list of candidates: an invitation, then a reminder after each of
-- reminder_days days without an answer; after the last, a person calls.
CREATE TABLE campaigns (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  name            text NOT NULL,
  reminder_days   integer[] NOT NULL DEFAULT '{3,7}',
  status          text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'stopped')),
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL,
  stopped_at      timestamptz,
  UNIQUE (practice_id, id)
);
ALTER TABLE candidates ADD CONSTRAINT candidates_campaign_fk FOREIGN KEY (practice_id, campaign_id) REFERENCES campaigns (practice_id, id);

-- Each message or call a campaign starts (not the replies to what the candidate wrote): the
-- caps (one a day, three a week) are counted here, and a step is sent once.
CREATE TABLE invitation_contacts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  candidate_id    uuid NOT NULL REFERENCES candidates (id),
  campaign_id     uuid NOT NULL REFERENCES campaigns (id),
  -- 0 = the invitation, 1.. = the reminders; consent_reminder nudges a "yes" who has not signed.
  step            integer NOT NULL,
  purpose         text NOT NULL CHECK (purpose IN ('invitation', 'reminder', 'consent_reminder')),
  channel         text NOT NULL CHECK (channel IN ('sms', 'voice')),
  message_id      uuid REFERENCES messages (id),
  at              timestamptz NOT NULL,
  UNIQUE (campaign_id, candidate_id, purpose, step)
);
CREATE INDEX invitation_contacts_candidate_idx ON invitation_contacts (candidate_id, at);

-- Messages to and from a candidate (they are no patient yet).
ALTER TABLE messages ADD COLUMN candidate_id uuid REFERENCES candidates (id);
CREATE INDEX messages_candidate_idx ON messages (candidate_id, created_at) WHERE candidate_id IS NOT NULL;

-- The consent text a practice shows, per language. A change is a new version: a row is never
-- edited, so what an earlier patient agreed to stays as they saw it. elements holds each
-- required element's wording by key (offered, cost_sharing, one_practitioner, stop_any_time);
-- body is the whole text as shown, and sha256 its hash.
CREATE TABLE consent_texts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  language        text NOT NULL CHECK (language IN ('en', 'es')),
  version         integer NOT NULL CHECK (version > 0),
  elements        jsonb NOT NULL,
  body            text NOT NULL,
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL,
  UNIQUE (practice_id, language, version)
);

-- One CCM consent: when, how, who obtained it, the billing practitioner, the exact text shown
-- (its row and hash) and each element acknowledged; later, its revocation.
CREATE TABLE ccm_consents (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id             uuid NOT NULL REFERENCES practices (id),
  patient_id              uuid NOT NULL REFERENCES patients (id),
  candidate_id            uuid REFERENCES candidates (id),
  method                  text NOT NULL CHECK (method IN ('electronic_signature', 'verbal')),
  obtained_at             timestamptz NOT NULL,
  -- Who obtained it: the staff member for a verbal consent; for an electronic signature, the
  -- patient signed it themselves (obtained_by_staff_id NULL).
  obtained_by             text NOT NULL,
  obtained_by_staff_id    uuid REFERENCES coordinators (id),
  billing_practitioner_id uuid NOT NULL REFERENCES coordinators (id),
  consent_text_id         uuid NOT NULL REFERENCES consent_texts (id),
  text_sha256             text NOT NULL,
  elements_acknowledged   text[] NOT NULL,
  -- The name typed as the signature (electronic), or NULL (verbal).
  signature_name          text,
  revoked_at              timestamptz,
  -- CCM stops at the end of the month the patient asked to stop in.
  revocation_effective_on date,
  revoked_how             text,
  revoked_recorded_by     text,
  CONSTRAINT ccm_consents_all_elements CHECK (elements_acknowledged @> ARRAY['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time']),
  CONSTRAINT ccm_consents_signed CHECK (method <> 'electronic_signature' OR signature_name IS NOT NULL),
  CONSTRAINT ccm_consents_verbal_by_staff CHECK (method <> 'verbal' OR obtained_by_staff_id IS NOT NULL)
);
CREATE INDEX ccm_consents_patient_idx ON ccm_consents (patient_id, obtained_at);

-- The consent page's link sent to a candidate who said yes. Like the questionnaire's, each text
-- that carries it holds its own token, made at send and kept only as its SHA-256.
CREATE TABLE consent_links (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  candidate_id    uuid NOT NULL REFERENCES candidates (id),
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  opened_at       timestamptz,
  signed_at       timestamptz,
  declined_at     timestamptz
);
CREATE INDEX consent_links_candidate_idx ON consent_links (candidate_id, created_at);
CREATE TABLE consent_tokens (
  token_hash      bytea PRIMARY KEY,
  link_id         uuid NOT NULL REFERENCES consent_links (id),
  message_id      uuid NOT NULL UNIQUE REFERENCES messages (id),
  created_at      timestamptz NOT NULL
);
-- A visit: the token exchanged for a short-lived cookie (its SHA-256 here) with its CSRF token.
CREATE TABLE consent_visits (
  cookie_hash     bytea PRIMARY KEY,
  link_id         uuid NOT NULL REFERENCES consent_links (id),
  csrf            text NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL
);
