-- The coordinator's workspace: staff sign in as themselves, in sessions that end
-- after inactivity; failed sign-ins slow an attacker down; their reads are audited.

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id     uuid NOT NULL REFERENCES practices (id),
  -- The staff member they act as (acknowledging, approving, logging time); none for an admin.
  staff_id        uuid REFERENCES coordinators (id),
  name            text NOT NULL,
  -- Lower-cased: one login per address across the service.
  email           text NOT NULL UNIQUE,
  role            text NOT NULL CHECK (role IN ('admin', 'coordinator', 'practitioner')),
  -- scrypt$N$r$p$salt$hash (base64url): memory-hard, parameters kept with the hash.
  password_hash   text NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE INDEX users_practice_idx ON users (practice_id);

CREATE TABLE user_sessions (
  -- SHA-256 of the cookie's token: a stolen database row is not a session.
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  ended_at      timestamptz,
  end_reason    text
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id);

-- Failed sign-ins per address (known or not, so nothing tells which exist).
CREATE TABLE sign_in_failures (
  email         text PRIMARY KEY,
  failures      integer NOT NULL,
  first_at      timestamptz NOT NULL,
  locked_until  timestamptz
);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_kind_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_kind_check CHECK (actor_kind IN ('admin_token', 'api_key', 'user'));
