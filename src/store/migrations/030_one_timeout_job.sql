-- One timeout job at a time for a conversation's wait (issue 22). Every step that waited for an
-- answer queued a new conversation.timeout job, and the one before it stayed to run and find itself
-- stale: on the inbound path a job row written for nearly every text. timeout_at is when the pending
-- job runs; a wait moved later needs no new one (store/conversation-timeouts.ts). NULL: none is known,
-- as for every conversation before this migration, whose next wait queues one.
ALTER TABLE conversations ADD COLUMN timeout_at timestamptz;
