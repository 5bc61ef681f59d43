-- The version of the flow definition that wrote a conversation's snapshot:
-- a deploy that changes a flow migrates older snapshots (src/flows/registry.ts).
ALTER TABLE conversations ADD COLUMN flow_version integer NOT NULL DEFAULT 1;

-- When a worker last took a message to send. A send cut short by a crash is
-- recognised by it, and settled from what Twilio has (bot/delivery.ts).
ALTER TABLE messages ADD COLUMN claimed_at timestamptz;
