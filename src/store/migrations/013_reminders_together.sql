-- Medicines due at the same time go in one dose reminder (issue 20): planning
-- now gives one reminder per patient and time, slot 'reminder:<local date>T<HH:MM>',
-- instead of one per medicine ('reminder:<medication id>:<date>T<time>').
-- Reminders planned before this are turned into the new ones here, so the next
-- planning run finds them by slot and does not plan a second text beside them.
-- The medicines a reminder is for are read when it goes (src/conversation/dispatch.ts);
-- medication_id is kept only for a reminder for one medicine.

INSERT INTO outreach (practice_id, patient_id, kind, flow, medication_id, slot, planned_for, due_at, created_at, updated_at)
SELECT o.practice_id, o.patient_id, 'reminder', 'reminder',
       CASE WHEN count(*) = 1 THEN (array_agg(o.medication_id))[1] END,
       'reminder:' || to_char(o.planned_for AT TIME ZONE coalesce(p.timezone, pr.timezone), 'YYYY-MM-DD"T"HH24:MI'),
       o.planned_for, max(o.due_at), min(o.created_at), max(o.updated_at)
FROM outreach o
JOIN patients p ON p.id = o.patient_id
JOIN practices pr ON pr.id = o.practice_id
WHERE o.kind = 'reminder' AND o.status = 'planned' AND o.slot ~ '^reminder:[0-9a-f-]{36}:'
GROUP BY o.practice_id, o.patient_id, o.planned_for, p.timezone, pr.timezone
ON CONFLICT (patient_id, slot) DO NOTHING;

DELETE FROM outreach WHERE kind = 'reminder' AND status = 'planned' AND slot ~ '^reminder:[0-9a-f-]{36}:';
