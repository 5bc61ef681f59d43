-- Texts from numbers that belong to no patient of the practice ("my mom Ruth
-- fell again, can someone call me"). They are kept like every text; those that
-- say more than a greeting wait for a person to read them, urgent when they
-- carry a red flag, and the review says who read them and what was done.
ALTER TABLE messages
  ADD COLUMN review_needed boolean NOT NULL DEFAULT false,
  ADD COLUMN review_urgent boolean NOT NULL DEFAULT false,
  ADD COLUMN reviewed_at timestamptz,
  ADD COLUMN reviewed_by uuid REFERENCES coordinators (id),
  ADD COLUMN review_note text;

CREATE INDEX messages_unmatched_idx ON messages (practice_id, seq)
  WHERE patient_id IS NULL AND direction = 'inbound';

-- A practice's own wording for the prompts it may change (the low-sugar
-- advice its clinicians approve), by key and locale: {"system.low_sugar": {"en": "..."}}.
ALTER TABLE practices ADD COLUMN prompts jsonb NOT NULL DEFAULT '{}';
