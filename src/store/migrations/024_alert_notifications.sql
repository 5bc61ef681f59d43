-- The live Today channel follows alerts with LISTEN/NOTIFY (issue 22), so any instance of the
-- service can serve any page. The notification is raised here, by the write itself: it goes out
-- only when the transaction that adds the alert (or joins it to a case) commits, whichever
-- instance or code path wrote it, and never for a rolled-back one. The payload is the practice
-- id and nothing else: no PHI leaves through the channel; pages read what changed themselves.
-- PostgreSQL folds identical notifications of one transaction into one, so a turn that raises
-- several alerts for a practice wakes its pages once.
CREATE FUNCTION notify_alert_news() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ccm_alerts', NEW.practice_id::text);
  RETURN NULL;
END
$$;

-- Only alerts in a case reach Today (a card is a case); an alert joins one when it is inserted
-- or, for alerts raised before their case existed, when openCaseFor() gathers them.
CREATE TRIGGER alerts_notify_news
  AFTER INSERT OR UPDATE OF case_id ON alerts
  FOR EACH ROW WHEN (NEW.case_id IS NOT NULL)
  EXECUTE FUNCTION notify_alert_news();
