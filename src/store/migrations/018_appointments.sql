-- Upcoming appointments per patient (issue 24): when, with whom, where, entered by
-- API, the app or a CSV file; shown on the patient page, in the monthly summary and
-- in the month record.

-- Rows are never deleted: a cancelled appointment stays, marked cancelled with who
-- and when, so a month record approved while it was on the books still reads true.
CREATE TABLE appointments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id   uuid NOT NULL REFERENCES practices (id),
  patient_id    uuid NOT NULL REFERENCES patients (id),
  starts_at     timestamptz NOT NULL,
  -- The IANA zone the time was entered in (the patient's, else the practice's): it
  -- is shown in that zone, as "Jan 8, 2027, 9:30 AM CST", wherever it is read.
  timezone      text NOT NULL,
  with_whom     text NOT NULL,
  location      text NOT NULL,
  purpose       text,
  status        text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  source        text NOT NULL CHECK (source IN ('api', 'app', 'csv')),
  -- Who, as the record names people ("Linda Park, RN", an API key's name, "admin token").
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  cancelled_by  text,
  cancelled_at  timestamptz,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX appointments_patient_idx ON appointments (patient_id, starts_at);
