-- One case per patient: all of a patient's unresolved alerts are worked as one
-- (one card on Today, acknowledged and resolved together). Alerts stay as they
-- are, the case's evidence. A case's status and level follow its alerts
-- (store/cases.ts, refreshCase); every time in it comes from the service clock.

CREATE TABLE cases (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id      uuid NOT NULL REFERENCES practices (id),
  patient_id       uuid NOT NULL REFERENCES patients (id),
  -- The highest level of its unresolved alerts (of all of them, once resolved).
  level            text NOT NULL CHECK (level IN ('urgent', 'elevated')),
  -- open: an alert nobody has acknowledged; acknowledged: none open; resolved: all resolved.
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  opened_at        timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  acknowledged_at  timestamptz,
  acknowledged_by  uuid REFERENCES coordinators (id),
  resolved_at      timestamptz,
  resolved_by      uuid REFERENCES coordinators (id),
  resolution_note  text
);
-- One unresolved case per patient: two transactions raising alerts for one
-- patient at once meet here (insert ... on conflict) and end with one case.
CREATE UNIQUE INDEX cases_one_unresolved_idx ON cases (patient_id) WHERE status <> 'resolved';
CREATE INDEX cases_practice_idx ON cases (practice_id, status, opened_at);

-- Alerts resolved before cases existed belong to none.
ALTER TABLE alerts ADD COLUMN case_id uuid REFERENCES cases (id);
CREATE INDEX alerts_case_idx ON alerts (case_id);

-- An upgraded database: each patient's unresolved alerts become their case,
-- by the same rules refreshCase applies.
INSERT INTO cases (practice_id, patient_id, level, status, opened_at, updated_at)
SELECT practice_id, patient_id,
       CASE WHEN bool_or(level = 'urgent') THEN 'urgent' ELSE 'elevated' END,
       CASE WHEN bool_or(status = 'open') THEN 'open' ELSE 'acknowledged' END,
       min(created_at), max(updated_at)
FROM alerts WHERE status <> 'resolved'
GROUP BY practice_id, patient_id;

UPDATE alerts a SET case_id = c.id
FROM cases c
WHERE c.patient_id = a.patient_id AND a.status <> 'resolved';

-- An acknowledged case was acknowledged when, and by whom, its last open alert was.
UPDATE cases c SET acknowledged_at = s.acknowledged_at, acknowledged_by = s.acknowledged_by
FROM (
  SELECT case_id, max(acknowledged_at) AS acknowledged_at,
         (array_agg(acknowledged_by ORDER BY acknowledged_at DESC NULLS LAST, seq DESC))[1] AS acknowledged_by
  FROM alerts WHERE case_id IS NOT NULL GROUP BY case_id
) s
WHERE s.case_id = c.id AND c.status = 'acknowledged';
