-- Centers carry their own feed counter: a writer locks its center's row, takes sequence numbers
-- from it and commits before the next writer of that center may start, so every change becomes
-- visible in sequence order and a reader at cursor N never misses a later commit with seq <= N.
CREATE TABLE centers (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  feed_seq bigint NOT NULL DEFAULT 0,
  kiosk_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers (id),
  kiosk_code text NOT NULL,
  name text NOT NULL,
  -- sha-256 of the bearer token; the token itself is shown once, at enrollment.
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL,
  revoked_at timestamptz,
  UNIQUE (center_id, kiosk_code)
);

CREATE TABLE enroll_codes (
  code text PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers (id),
  uses integer NOT NULL DEFAULT 0,
  max_uses integer NOT NULL CHECK (max_uses > 0),
  expires_at timestamptz,
  created_at timestamptz NOT NULL
);

CREATE TABLE office_tokens (
  token_hash text PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers (id),
  department_id text NOT NULL,
  name text NOT NULL
);

-- Every catalog version ever served stays: a request is validated against the version it names.
CREATE TABLE catalogs (
  version text PRIMARY KEY,
  published_order bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  body jsonb NOT NULL,
  published_at timestamptz NOT NULL
);

CREATE TABLE calendars (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  content_hash text NOT NULL,
  body jsonb NOT NULL,
  published_at timestamptz NOT NULL
);

CREATE TABLE staff_lists (
  center_id text PRIMARY KEY REFERENCES centers (id),
  content_hash text NOT NULL,
  members jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

-- The reduced state of each request (status, assignee, deadline), rewritten with each event.
CREATE TABLE requests (
  id uuid PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers (id),
  ticket_no text NOT NULL UNIQUE,
  status text NOT NULL,
  state jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX requests_center_status ON requests (center_id, status, created_at);

CREATE TABLE events (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES requests (id),
  center_id text NOT NULL REFERENCES centers (id),
  type text NOT NULL,
  body jsonb NOT NULL,
  -- sha-256 of the canonical JSON of the event: same id, same hash = a harmless re-push.
  content_hash text NOT NULL,
  device_id text REFERENCES devices (id),
  received_at timestamptz NOT NULL
);
CREATE INDEX events_request ON events (request_id);

-- What a kiosk pulls, per center, in seq order. Catalog and calendar changes are written once per
-- center so that "changes since N" is one range scan of the primary key.
CREATE TABLE changes (
  center_id text NOT NULL REFERENCES centers (id),
  seq bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('event', 'catalog', 'staff', 'calendar')),
  event_id uuid REFERENCES events (id),
  catalog_version text REFERENCES catalogs (version),
  payload jsonb,
  PRIMARY KEY (center_id, seq)
);
