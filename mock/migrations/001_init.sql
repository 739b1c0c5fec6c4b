-- FanLoop server schema, version 1. Runs unchanged on PGlite (PostgreSQL 17/18 in WebAssembly) and on a real
-- PostgreSQL 15 or newer: no 17+-only SQL. Rules the database can keep itself are kept here (unique keys, checks,
-- an append-only ledger); the services keep the rest inside one transaction per request.

-- The mock clock: real time plus an offset operators move. One row, shared by every server process.
CREATE TABLE mock_clock (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  offset_ms bigint NOT NULL DEFAULT 0
);
INSERT INTO mock_clock DEFAULT VALUES;

-- Ids look like "m-1001", "pt-1002": one sequence for every kind, so an id never names two things.
CREATE SEQUENCE ids START 1000;

-- account
CREATE TABLE members (
  id text PRIMARY KEY,
  nickname text NOT NULL,
  -- False while the nickname is the one given at sign-up (the profile task wants one the member chose).
  nickname_set_by_member boolean NOT NULL DEFAULT false,
  avatar_url text NOT NULL DEFAULT '',
  phone text UNIQUE,
  -- Stands in for the WeChat openid: the app's install id (api-contract.md, mock logins).
  wechat_open_id text UNIQUE,
  growth integer NOT NULL DEFAULT 0 CHECK (growth >= 0),
  -- Kept equal to the sum of the member's ledger in the same transaction as each entry.
  points_balance integer NOT NULL DEFAULT 0 CHECK (points_balance >= 0),
  birthday text CHECK (birthday ~ '^\d{4}-\d{2}-\d{2}$'),
  birthday_gift_year integer,
  celebrated_level text NOT NULL,
  is_distributor boolean NOT NULL DEFAULT false,
  referral_code text,
  signup_ref text,
  created_at timestamptz NOT NULL
);
-- Codes are matched whatever their case.
CREATE UNIQUE INDEX members_referral_code ON members (upper(referral_code));

-- Tokens are stored hashed: a copy of the database gives nobody a session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_member ON sessions (member_id);

-- SMS sign-in limits per phone: the resend interval and wrong codes.
CREATE TABLE sms_attempts (
  phone text PRIMARY KEY,
  last_sent_at timestamptz,
  wrong_codes integer NOT NULL DEFAULT 0,
  locked_until timestamptz
);

-- WeChat login codes that came without an install id, each mapped to one member.
CREATE TABLE wechat_codes (
  code text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id)
);

-- points
CREATE TABLE ledger_entries (
  id text PRIMARY KEY,
  -- Append order: breaks ties between entries of the same instant.
  position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  member_id text NOT NULL REFERENCES members (id),
  delta integer NOT NULL CHECK (delta <> 0),
  type text NOT NULL,
  reason text NOT NULL,
  ref_id text,
  created_at timestamptz NOT NULL,
  -- Earned lots expire; spends carry none.
  expires_at timestamptz,
  CHECK (delta > 0 OR expires_at IS NULL)
);
CREATE INDEX ledger_entries_member ON ledger_entries (member_id, created_at DESC, position DESC);
CREATE INDEX ledger_entries_member_type ON ledger_entries (member_id, type, created_at);

-- Entries are never edited or deleted: a cancel or refund adds a reversing entry.
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are never changed or deleted (entry %)', OLD.id;
END;
$$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

-- What is left of each earned entry: spends take the lots that expire first.
CREATE TABLE point_lots (
  entry_id text PRIMARY KEY REFERENCES ledger_entries (id),
  member_id text NOT NULL REFERENCES members (id),
  position bigint NOT NULL,
  expires_at timestamptz,
  remaining integer NOT NULL CHECK (remaining >= 0)
);
CREATE INDEX point_lots_open ON point_lots (member_id, expires_at, position) WHERE remaining > 0;

-- Which lots a spend took, so a cancel gives the points back with the expiry they had.
CREATE TABLE lot_takes (
  spend_entry_id text NOT NULL REFERENCES ledger_entries (id),
  lot_entry_id text NOT NULL REFERENCES ledger_entries (id),
  points integer NOT NULL CHECK (points > 0),
  PRIMARY KEY (spend_entry_id, lot_entry_id)
);

-- membership
CREATE TABLE checkins (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id),
  date text NOT NULL CHECK (date ~ '^\d{4}-\d{2}-\d{2}$'),
  is_makeup boolean NOT NULL,
  created_at timestamptz NOT NULL,
  -- One check-in per member per business day, however many requests arrive at once.
  UNIQUE (member_id, date)
);

CREATE TABLE task_definitions (
  id text PRIMARY KEY,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('daily', 'once')),
  action text NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  target integer NOT NULL CHECK (target > 0),
  is_self_reported boolean NOT NULL,
  reward_points integer CHECK (reward_points >= 0),
  reward_growth integer CHECK (reward_growth >= 0)
);

CREATE TABLE task_completions (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id),
  task_id text NOT NULL REFERENCES task_definitions (id),
  -- The business day for daily tasks, 'once' for one-time tasks: never paid twice in a period.
  period text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (member_id, task_id, period)
);

-- mall
CREATE TABLE gift_categories (
  id text PRIMARY KEY,
  name text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE gifts (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL,
  category text NOT NULL REFERENCES gift_categories (id),
  images jsonb NOT NULL,
  points_cost integer NOT NULL CHECK (points_cost > 0),
  -- Stock never goes below zero, whatever arrives at once.
  stock integer NOT NULL CHECK (stock >= 0),
  per_member_limit integer NOT NULL CHECK (per_member_limit > 0),
  min_level text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('physical', 'virtual', 'coupon'))
);

CREATE TABLE addresses (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  member_id text NOT NULL REFERENCES members (id),
  name text NOT NULL,
  phone text NOT NULL,
  region jsonb NOT NULL,
  detail text NOT NULL,
  is_default boolean NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX addresses_member ON addresses (member_id);
-- At most one default address per member.
CREATE UNIQUE INDEX addresses_one_default ON addresses (member_id) WHERE is_default;

CREATE TABLE redemptions (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  member_id text NOT NULL REFERENCES members (id),
  gift_id text NOT NULL REFERENCES gifts (id),
  gift_name text NOT NULL,
  gift_image text,
  kind text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  points_spent integer NOT NULL CHECK (points_spent > 0),
  ledger_entry_id text NOT NULL REFERENCES ledger_entries (id),
  code text UNIQUE,
  address jsonb,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX redemptions_member ON redemptions (member_id, created_at DESC, position DESC);
CREATE INDEX redemptions_member_gift ON redemptions (member_id, gift_id) WHERE cancelled_at IS NULL;

-- community
CREATE TABLE topics (
  name text PRIMARY KEY,
  description text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE posts (
  id text PRIMARY KEY,
  author_id text NOT NULL REFERENCES members (id),
  text text NOT NULL,
  images jsonb NOT NULL,
  topic text,
  section text NOT NULL CHECK (section IN ('recommend', 'hot', 'earn')),
  status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden')),
  is_pinned boolean NOT NULL DEFAULT false,
  -- Seeded popularity, so the feed looks alive without inventing thousands of members.
  base_like_count integer NOT NULL DEFAULT 0,
  base_comment_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);
CREATE INDEX posts_feed ON posts (status, section, is_pinned DESC, created_at DESC, id);
CREATE INDEX posts_author ON posts (author_id);

-- One like per member per post.
CREATE TABLE post_likes (
  post_id text NOT NULL REFERENCES posts (id),
  member_id text NOT NULL REFERENCES members (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (post_id, member_id)
);

-- distribution and orders
CREATE TABLE products (
  id text PRIMARY KEY,
  position integer NOT NULL,
  name text NOT NULL,
  description text NOT NULL,
  images jsonb NOT NULL,
  price_fen integer NOT NULL CHECK (price_fen > 0)
);

-- A member is bound to at most one distributor (first touch).
CREATE TABLE bindings (
  member_id text PRIMARY KEY REFERENCES members (id),
  distributor_id text NOT NULL REFERENCES members (id),
  source text NOT NULL CHECK (source IN ('card', 'link', 'post', 'code')),
  bound_at timestamptz NOT NULL,
  protected_until timestamptz NOT NULL,
  CHECK (member_id <> distributor_id)
);
CREATE INDEX bindings_distributor ON bindings (distributor_id);

CREATE TABLE orders (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id),
  product_id text NOT NULL REFERENCES products (id),
  quantity integer NOT NULL CHECK (quantity > 0),
  amount_fen integer NOT NULL CHECK (amount_fen > 0),
  status text NOT NULL CHECK (status IN ('paid', 'refunded')),
  ref text,
  created_at timestamptz NOT NULL,
  -- When its points left the refund window and entered the ledger (null while pending).
  points_released_at timestamptz
);
CREATE INDEX orders_member ON orders (member_id, created_at);

CREATE TABLE commissions (
  id text PRIMARY KEY,
  distributor_id text NOT NULL REFERENCES members (id),
  order_id text NOT NULL UNIQUE REFERENCES orders (id),
  amount_fen integer NOT NULL CHECK (amount_fen >= 0),
  status text NOT NULL CHECK (status IN ('pending', 'settled', 'reversed')),
  settles_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX commissions_distributor ON commissions (distributor_id);

-- platform: an answered idempotent request, stored in the same transaction as its effect.
CREATE TABLE idempotency_keys (
  member_id text NOT NULL REFERENCES members (id),
  -- The matched route and its decoded parameters: another spelling of the same path is the same request.
  scope text NOT NULL,
  key text NOT NULL,
  body_hash text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (member_id, scope, key)
);
