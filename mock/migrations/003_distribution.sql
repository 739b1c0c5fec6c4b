-- FanLoop server schema, version 3: distribution rights, arrivals, commission levels, withdrawals, orders of
-- products and plans, membership plans and their periods and coupons, KOL level certificates. Same SQL on PGlite
-- and PostgreSQL 15+. What the database can keep itself is kept here (one pending withdrawal per distributor,
-- one commission per order and level, one plan period per order).

-- distribution: who distributes, and how they got the right.
CREATE TABLE distributors (
  member_id text PRIMARY KEY REFERENCES members (id),
  route text NOT NULL CHECK (route IN ('invite_code', 'task', 'application', 'plan', 'operator')),
  -- The plan order that granted it (a refund of that order takes the right back).
  order_id text,
  granted_at timestamptz NOT NULL
);

-- An operator's KOL invite codes, matched whatever their case.
CREATE TABLE kol_invite_codes (
  code text PRIMARY KEY CHECK (code = upper(code)),
  -- Null: unlimited (the seed's preview code).
  max_uses integer CHECK (max_uses > 0),
  used_count integer NOT NULL DEFAULT 0,
  expires_at timestamptz,
  CHECK (max_uses IS NULL OR used_count <= max_uses)
);

CREATE TABLE distribution_applications (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id),
  note text NOT NULL DEFAULT '',
  applied_at timestamptz NOT NULL,
  decides_at timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_at timestamptz,
  reject_reason text
);
-- One application under review per member, however many requests arrive.
CREATE UNIQUE INDEX distribution_applications_one_pending ON distribution_applications (member_id)
  WHERE state = 'pending';
CREATE INDEX distribution_applications_member ON distribution_applications (member_id, applied_at DESC);

-- The mini-program code (scene r=CODE) is a source of its own.
ALTER TABLE bindings DROP CONSTRAINT bindings_source_check;
ALTER TABLE bindings ADD CONSTRAINT bindings_source_check
  CHECK (source IN ('card', 'link', 'post', 'code', 'scene'));
ALTER TABLE bindings ADD COLUMN post_id text;
-- Bound in the sign-in that created the member: a friend who registered through the code (the invite task).
ALTER TABLE bindings ADD COLUMN at_signup boolean NOT NULL DEFAULT false;

-- Every arrival through a distributor's code that did not bind, and why: the distributor sees these.
CREATE TABLE arrivals (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  distributor_id text NOT NULL REFERENCES members (id),
  member_id text NOT NULL REFERENCES members (id),
  source text NOT NULL CHECK (source IN ('card', 'link', 'post', 'code', 'scene')),
  reason text NOT NULL CHECK (reason IN ('already_bound', 'own_code', 'cycle', 'window_over')),
  post_id text,
  arrived_at timestamptz NOT NULL
);
CREATE INDEX arrivals_distributor ON arrivals (distributor_id, arrived_at DESC, position DESC);

-- plans: the paid membership (ordinary / advanced; monthly / quarterly / yearly).
CREATE TABLE plans (
  id text PRIMARY KEY,
  position integer NOT NULL,
  name text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('ordinary', 'advanced')),
  period text NOT NULL CHECK (period IN ('monthly', 'quarterly', 'yearly')),
  duration_days integer NOT NULL CHECK (duration_days > 0),
  price_fen integer NOT NULL CHECK (price_fen > 0),
  checkin_multiplier_percent integer NOT NULL CHECK (checkin_multiplier_percent >= 100),
  monthly_coupon_fen integer NOT NULL CHECK (monthly_coupon_fen >= 0),
  priority_shipping boolean NOT NULL,
  -- Carries distribution rights on H5 where the config allows it; never in the mini-program (server rule).
  grants_distribution_h5 boolean NOT NULL DEFAULT false
);

-- orders: of a product or of a plan, through a distributor's link or a 分享赚 post.
ALTER TABLE orders ALTER COLUMN product_id DROP NOT NULL;
ALTER TABLE orders ADD COLUMN kind text NOT NULL DEFAULT 'product' CHECK (kind IN ('product', 'plan'));
ALTER TABLE orders ADD COLUMN plan_id text REFERENCES plans (id);
ALTER TABLE orders ADD COLUMN item_name text;
ALTER TABLE orders ADD COLUMN post_id text;
ALTER TABLE orders ADD COLUMN growth integer NOT NULL DEFAULT 0 CHECK (growth >= 0);
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;
ALTER TABLE orders ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY;
UPDATE orders o SET item_name = p.name FROM products p WHERE p.id = o.product_id AND o.item_name IS NULL;
ALTER TABLE orders ALTER COLUMN item_name SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_item CHECK (
  (kind = 'product' AND product_id IS NOT NULL AND plan_id IS NULL)
  OR (kind = 'plan' AND plan_id IS NOT NULL AND product_id IS NULL)
);
ALTER TABLE orders ADD CONSTRAINT orders_refunded CHECK ((status = 'refunded') = (refunded_at IS NOT NULL) OR refunded_at IS NULL);
CREATE INDEX orders_member_recent ON orders (member_id, created_at DESC, position DESC);

-- commission: at most two levels, one row per order and level; reversed on a refund inside the settle window.
ALTER TABLE commissions ADD COLUMN level smallint NOT NULL DEFAULT 1 CHECK (level IN (1, 2));
ALTER TABLE commissions ADD COLUMN reversed_at timestamptz;
ALTER TABLE commissions ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE commissions DROP CONSTRAINT commissions_order_id_key;
ALTER TABLE commissions ADD CONSTRAINT commissions_order_level UNIQUE (order_id, level);
ALTER TABLE commissions ADD CONSTRAINT commissions_reversal CHECK ((status = 'reversed') = (reversed_at IS NOT NULL) OR reversed_at IS NULL);
CREATE INDEX commissions_distributor_recent ON commissions (distributor_id, created_at DESC, position DESC);

CREATE TABLE withdrawals (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  distributor_id text NOT NULL REFERENCES members (id),
  amount_fen integer NOT NULL CHECK (amount_fen > 0),
  status text NOT NULL CHECK (status IN ('requested', 'paid', 'rejected')),
  requested_at timestamptz NOT NULL,
  -- When the (mock) payout answers; the mock pays when the clock passes it.
  pays_at timestamptz NOT NULL,
  decided_at timestamptz,
  reject_reason text,
  CHECK ((status = 'requested') = (decided_at IS NULL))
);
-- One pending request per distributor, whatever arrives at once.
CREATE UNIQUE INDEX withdrawals_one_pending ON withdrawals (distributor_id) WHERE status = 'requested';
CREATE INDEX withdrawals_distributor ON withdrawals (distributor_id, requested_at DESC, position DESC);

-- A plan's paid period; buying again queues a period after the last one. A refund ends its period at once.
CREATE TABLE plan_periods (
  order_id text PRIMARY KEY REFERENCES orders (id),
  member_id text NOT NULL REFERENCES members (id),
  plan_id text NOT NULL REFERENCES plans (id),
  purchased_at timestamptz NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  refunded_at timestamptz,
  CHECK (ends_at > starts_at)
);
CREATE INDEX plan_periods_member ON plan_periods (member_id, starts_at);

-- The monthly coupon of each month a period has started; voided with its period's refund.
CREATE TABLE plan_coupons (
  code text PRIMARY KEY,
  order_id text NOT NULL REFERENCES plan_periods (order_id),
  member_id text NOT NULL REFERENCES members (id),
  month_index integer NOT NULL CHECK (month_index >= 0),
  value_fen integer NOT NULL CHECK (value_fen > 0),
  valid_from text NOT NULL,
  valid_until text NOT NULL,
  voided_at timestamptz,
  UNIQUE (order_id, month_index)
);
CREATE INDEX plan_coupons_member ON plan_coupons (member_id);

-- community: certificates for KOL levels as well as challenges (one per member and KOL level).
ALTER TABLE certificates ALTER COLUMN event_id DROP NOT NULL;
ALTER TABLE certificates ADD COLUMN kind text NOT NULL DEFAULT 'challenge' CHECK (kind IN ('challenge', 'kol_level'));
ALTER TABLE certificates ADD COLUMN kol_level text;
ALTER TABLE certificates ADD CONSTRAINT certificates_kind CHECK (
  (kind = 'challenge' AND event_id IS NOT NULL) OR (kind = 'kol_level' AND kol_level IS NOT NULL)
);
CREATE UNIQUE INDEX certificates_kol_level ON certificates (member_id, kol_level) WHERE kind = 'kol_level';
