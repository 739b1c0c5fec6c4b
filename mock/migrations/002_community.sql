-- The community of issue #9: members post, comment, like, report and upload images; the check-in challenge
-- (events) and its certificates. Same SQL on PGlite and PostgreSQL 15+.

-- What the review decided, why, when a delayed review publishes, and a soft delete: a deleted post leaves the
-- feed, yet the days its author posted stay facts (tasks and daily caps were read from them).
ALTER TABLE posts ADD COLUMN product_id text;
ALTER TABLE posts ADD COLUMN reject_reason text;
ALTER TABLE posts ADD COLUMN publish_at timestamptz;
ALTER TABLE posts ADD COLUMN deleted_at timestamptz;
CREATE INDEX posts_pending ON posts (publish_at) WHERE status = 'pending';

-- Top-level comments have no parent; a reply's parent is always a top-level comment (one level deep).
CREATE TABLE comments (
  id text PRIMARY KEY,
  post_id text NOT NULL REFERENCES posts (id),
  member_id text NOT NULL REFERENCES members (id),
  parent_id text REFERENCES comments (id) ON DELETE CASCADE,
  text text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX comments_post ON comments (post_id, parent_id, created_at, id);

-- One report per member per post, however many requests arrive: the unique key decides.
CREATE TABLE post_reports (
  post_id text NOT NULL REFERENCES posts (id),
  member_id text NOT NULL REFERENCES members (id),
  reason text NOT NULL,
  note text,
  created_at timestamptz NOT NULL,
  UNIQUE (post_id, member_id)
);

-- The bytes live in the database, so every store (PGlite file or memory, PostgreSQL) holds them; the name is the
-- server's, never the client's.
CREATE TABLE uploads (
  name text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size integer NOT NULL CHECK (size > 0),
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL
);

-- A check-in challenge: business days [starts_on, ends_on] in the brand's time zone, announced by a post.
CREATE TABLE events (
  id text PRIMARY KEY,
  post_id text REFERENCES posts (id),
  title text NOT NULL,
  badge_name text NOT NULL,
  starts_on text NOT NULL CHECK (starts_on ~ '^\d{4}-\d{2}-\d{2}$'),
  ends_on text NOT NULL CHECK (ends_on ~ '^\d{4}-\d{2}-\d{2}$'),
  allows_makeup boolean NOT NULL DEFAULT false,
  CHECK (starts_on <= ends_on)
);

CREATE TABLE event_members (
  event_id text NOT NULL REFERENCES events (id),
  member_id text NOT NULL REFERENCES members (id),
  joined_at timestamptz NOT NULL,
  PRIMARY KEY (event_id, member_id)
);

-- Exactly one certificate per member per event, with a code nobody can guess.
CREATE TABLE certificates (
  code text PRIMARY KEY,
  event_id text NOT NULL REFERENCES events (id),
  member_id text NOT NULL REFERENCES members (id),
  title text NOT NULL,
  starts_on text NOT NULL,
  ends_on text NOT NULL,
  issued_at timestamptz NOT NULL,
  UNIQUE (event_id, member_id)
);
CREATE INDEX certificates_member ON certificates (member_id, issued_at);
