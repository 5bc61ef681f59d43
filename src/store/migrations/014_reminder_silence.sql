-- A dose reminder that went unanswered was stored as a missed dose
-- (medication_adherence, taken false, reason no_reply), so triage raised
-- "missed doses" for patients who only did not text back, and the month's
-- adherence counted silence as doses missed. Silence is its own observation
-- now, reminder_unanswered, which is not a reported dose.
UPDATE observations
SET kind = 'reminder_unanswered',
    value = jsonb_build_object('medicationId', value->'medicationId')
WHERE kind = 'medication_adherence' AND value->>'reason' = 'no_reply';
