-- Found by the panel simulator (issue 21): every check-in's send and every
-- "was this conversation ever answered?" looked messages up by conversation,
-- with no index, so each cost a scan of every message the practice ever had.
CREATE INDEX messages_conversation_idx ON messages (conversation_id) WHERE conversation_id IS NOT NULL;
