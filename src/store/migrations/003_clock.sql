-- Times now come from the service's clock (src/clock.ts), not from now(), so
-- rows written in one step can share an instant. One sequence shared by the
-- record tables keeps their order where timestamps tie: a reply stays after
-- the text it answers, an alert after the message that raised it.
CREATE SEQUENCE record_seq;
ALTER TABLE messages ADD COLUMN seq bigint NOT NULL DEFAULT nextval('record_seq');
ALTER TABLE patient_events ADD COLUMN seq bigint NOT NULL DEFAULT nextval('record_seq');
ALTER TABLE alerts ADD COLUMN seq bigint NOT NULL DEFAULT nextval('record_seq');
ALTER TABLE observations ADD COLUMN seq bigint NOT NULL DEFAULT nextval('record_seq');
-- Enrolment order (patients are listed in it, a page at a time).
ALTER TABLE patients ADD COLUMN seq bigint NOT NULL DEFAULT nextval('record_seq');
DROP INDEX patients_practice_created_idx;
CREATE INDEX patients_practice_seq_idx ON patients (practice_id, seq);

-- When a text actually left (handed to Twilio, or recorded as simulated). A
-- check-in held for quiet hours is created in the evening and sent at 08:00;
-- the transcript shows it when the patient got it.
ALTER TABLE messages ADD COLUMN sent_at timestamptz;
UPDATE messages SET sent_at = updated_at
 WHERE direction = 'outbound' AND status NOT IN ('pending', 'submitting', 'cancelled', 'failed');
