-- A check-in call being placed (status 'placing'): when the service began asking Twilio for it,
-- and how many times it has. A call still 'placing' with no call_sid (the process died mid-request,
-- or Twilio's answer was lost) may or may not be at Twilio: the retry looks for it in Twilio's call
-- list from placing_at on, and places it again only when Twilio has none. placing_at also fences
-- workers: whoever moves it owns the placing, so a worker whose claim was taken over while it
-- waited its turn does not ring as well.
ALTER TABLE patient_calls ADD COLUMN placing_at timestamptz;
ALTER TABLE patient_calls ADD COLUMN placing_attempts integer NOT NULL DEFAULT 0;
