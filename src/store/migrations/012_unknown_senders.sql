-- Texts from unknown numbers, worked in the app: a coordinator links one to
-- the patient it is about ("this is Ruth's daughter"). The sender stays who
-- they are (patient_id stays NULL: the text is not the patient's own), and
-- the link says whose record it joined, when and by whom.
ALTER TABLE messages
  ADD COLUMN linked_patient_id uuid REFERENCES patients (id),
  ADD COLUMN linked_at timestamptz,
  ADD COLUMN linked_by uuid REFERENCES coordinators (id),
  -- A text to the care team says what it was about: an alert, or a text from an unknown number.
  ADD COLUMN about_alert_id uuid REFERENCES alerts (id),
  ADD COLUMN about_message_id uuid REFERENCES messages (id);

CREATE INDEX messages_linked_patient_idx ON messages (linked_patient_id) WHERE linked_patient_id IS NOT NULL;
CREATE INDEX messages_about_alert_idx ON messages (about_alert_id) WHERE about_alert_id IS NOT NULL;
CREATE INDEX messages_about_message_idx ON messages (about_message_id) WHERE about_message_id IS NOT NULL;
-- The outbound log: what the service sent, newest first, page by page.
CREATE INDEX messages_outbound_idx ON messages (practice_id, seq) WHERE direction = 'outbound';

-- Texts to the care team about an alert sent before this version named it only
-- in their words ("... Alert 1a2b3c4d"): they are tied to it by that and the patient.
UPDATE messages m SET about_alert_id = a.id
FROM alerts a
WHERE m.audience = 'coordinator' AND m.direction = 'outbound' AND m.about_alert_id IS NULL
  AND m.kind IN ('alert', 'alert_unacknowledged', 'review_overdue')
  AND m.patient_id = a.patient_id
  AND m.body LIKE '%Alert ' || left(a.id::text, 8);
