-- Found by the panel simulator (issue 21). Triage asks, at every evaluation, which of a patient's
-- evidence already raised an alert for a reason, open or not (store/alert-evidence.ts); alerts had
-- no index by patient but the partial one on unresolved alerts, so each question read every alert
-- the practice ever had: a cost that grew with the panel, asked as often as patients write.
CREATE INDEX IF NOT EXISTS alerts_patient_idx ON alerts (patient_id, reason);
