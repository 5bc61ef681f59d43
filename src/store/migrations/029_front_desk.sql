-- The front desk's texts (issue 19): a patient's text that needs a person but only the office's
-- work (a new number, when the office opens, what the texts cost) is listed for the front desk
-- instead of the patient's case. It keeps the office matters it names; it is resolved, as a text
-- from an unknown number is, by whoever dealt with it (reviewed_at, reviewed_by, review_note), or
-- passed on to the care team, when it is the alert it raised.
ALTER TABLE messages
  ADD COLUMN office_topics text[],
  ADD COLUMN passed_alert_id uuid REFERENCES alerts (id);

CREATE INDEX messages_front_desk_idx ON messages (practice_id, seq) WHERE office_topics IS NOT NULL;
