-- Dispatching a slot (issue 22) reads two things for every batch of 200 due contacts; each gets an
-- index that serves it whatever the planner's statistics say (a month planned a minute before its
-- first slot has none yet).
--
-- The claim takes due contacts ORDER BY due_at, id. A whole panel's check-in shares one due_at, so
-- with (practice_id, due_at) alone every claim sorted every planned row still due (100,000 rows,
-- spilling to disk, for each batch of 200): a slot cost the square of its size.
CREATE INDEX outreach_due_order_idx ON outreach (practice_id, due_at, id) WHERE status = 'planned';
DROP INDEX outreach_due_idx;

-- Each batch asks for its patients' latest planned check-in due by now (after an outage only that one
-- goes). Without an index of its own the planner, short of statistics, answered it from the due index
-- above, reading every planned contact due, again for every batch.
CREATE INDEX outreach_planned_check_in_idx ON outreach (patient_id, due_at) WHERE status = 'planned' AND kind = 'check_in';
