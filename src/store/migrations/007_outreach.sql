-- Outreach that runs itself: the monthly cadence, dose reminders, refill
-- prompts, and who the coordinators should call.

-- The practice's monthly cadence: which check-in on which weekday of which week, at what local time.
ALTER TABLE practices
  ADD COLUMN cadence jsonb NOT NULL DEFAULT '{"time": "10:00", "slots": [
    {"week": 1, "weekday": "tuesday", "flow": "wellness"},
    {"week": 2, "weekday": "tuesday", "flow": "symptoms"},
    {"week": 3, "weekday": "tuesday", "flow": "wellness"}]}',
  -- Medication names appear in texts only when the practice turns this on (DOMAIN.md).
  ADD COLUMN medication_names_in_texts boolean NOT NULL DEFAULT false,
  -- How long a dose reminder waits for "taken" before the dose counts as missed.
  ADD COLUMN reminder_reply_minutes integer NOT NULL DEFAULT 120,
  -- Consecutive automated contacts with no reply that make a patient unreachable.
  ADD COLUMN unreachable_after integer NOT NULL DEFAULT 5,
  -- From this day of the month, a patient not heard from this month is a non-responder.
  ADD COLUMN non_responder_day integer NOT NULL DEFAULT 20;

ALTER TABLE patients
  ADD COLUMN status text NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'disenrolled')),
  ADD COLUMN paused_at timestamptz,
  -- A pause with no end lasts until resumed.
  ADD COLUMN paused_until timestamptz,
  -- When outreach should land: {"days": ["monday", ...], "start": "09:00", "end": "12:00"}.
  ADD COLUMN contact_window jsonb,
  -- Automated contacts since the patient last replied; reset by any reply.
  ADD COLUMN unanswered_contacts integer NOT NULL DEFAULT 0,
  ADD COLUMN unreachable_at timestamptz,
  -- The last time the patient wrote or answered (two-way contact).
  ADD COLUMN last_reply_at timestamptz;

-- A conversation may wait for its answer for less than the default (a dose reminder: 2 hours).
ALTER TABLE conversations ADD COLUMN reply_window_seconds integer;

-- Every planned contact, once: a slot key names it (the December wellness check-in of week 1,
-- the 08:00 dose of Dec 3), so planning twice, a restart or two instances never make two.
CREATE TABLE outreach (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  patient_id      uuid NOT NULL REFERENCES patients (id),
  kind            text NOT NULL CHECK (kind IN ('check_in', 'reminder', 'refill_prompt')),
  flow            text NOT NULL,
  medication_id   uuid REFERENCES medications (id),
  slot            text NOT NULL,
  -- When the plan said; due_at moves when the contact waits for another conversation to end.
  planned_for     timestamptz NOT NULL,
  due_at          timestamptz NOT NULL,
  -- planned -> started | skipped | cancelled | late (too late to be useful: recorded, not sent)
  status          text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'started', 'skipped', 'cancelled', 'late')),
  reason          text,
  conversation_id uuid REFERENCES conversations (id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (patient_id, slot)
);
CREATE INDEX outreach_due_idx ON outreach (practice_id, due_at) WHERE status = 'planned';
CREATE INDEX outreach_patient_idx ON outreach (patient_id, due_at);

-- A medication can be on file without reminder texts (the patient declined them, a weekly dose).
ALTER TABLE medications ADD COLUMN reminders boolean NOT NULL DEFAULT true;
