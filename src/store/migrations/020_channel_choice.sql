-- The month's sequence (issue 24): the article's four touchpoints by default, and each
-- patient's channel and hour learned from what they answered.

-- The article's sequence is the default: a text check-in in weeks 1 and 3, the questionnaire
-- by link in week 2, the summary by email in week 4. A practice that never changed the old
-- default (three texts) gets the new one; one that chose its own keeps it.
ALTER TABLE practices ALTER COLUMN cadence SET DEFAULT '{"time": "10:00", "slots": [
    {"week": 1, "weekday": "tuesday", "flow": "wellness"},
    {"week": 2, "weekday": "tuesday", "flow": "questionnaire"},
    {"week": 3, "weekday": "tuesday", "flow": "wellness"},
    {"week": 4, "weekday": "tuesday", "flow": "summary"}]}';
UPDATE practices SET cadence = DEFAULT
WHERE cadence = '{"time": "10:00", "slots": [
    {"week": 1, "weekday": "tuesday", "flow": "wellness"},
    {"week": 2, "weekday": "tuesday", "flow": "symptoms"},
    {"week": 3, "weekday": "tuesday", "flow": "wellness"}]}'::jsonb;

-- learned: each patient's touchpoints go by the channel and hour they answer most;
-- fixed: the cadence's time, by the channel the patient chose.
ALTER TABLE practices ADD COLUMN channel_choice text NOT NULL DEFAULT 'learned' CHECK (channel_choice IN ('learned', 'fixed'));

-- The channel a planned contact goes by (null: the patient's own, as before), and why it was chosen.
ALTER TABLE outreach
  ADD COLUMN channel text CHECK (channel IN ('sms', 'voice')),
  ADD COLUMN channel_reason jsonb;
