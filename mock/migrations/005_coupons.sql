-- FanLoop server schema, version 5: one wallet of coupons. A level's monthly coupon (claimed once per business month)
-- joins a plan's monthly coupons, and a coupon is spent on a product order: the order keeps its discount, and a
-- refund gives the coupon back (usable while still valid).
ALTER TABLE plan_coupons RENAME TO coupons;
ALTER TABLE coupons RENAME COLUMN order_id TO plan_order_id;
ALTER TABLE coupons ALTER COLUMN plan_order_id DROP NOT NULL;
ALTER TABLE coupons ALTER COLUMN month_index DROP NOT NULL;
ALTER TABLE coupons ADD COLUMN source text NOT NULL DEFAULT 'plan' CHECK (source IN ('plan', 'level'));
ALTER TABLE coupons ALTER COLUMN source DROP DEFAULT;
-- The business month (YYYY-MM) a level's coupon was claimed for.
ALTER TABLE coupons ADD COLUMN level_month text;
ALTER TABLE coupons ADD COLUMN created_at timestamptz;
ALTER TABLE coupons ADD COLUMN used_order_id text REFERENCES orders (id);
ALTER TABLE coupons ADD CONSTRAINT coupons_source CHECK (
  (source = 'plan' AND plan_order_id IS NOT NULL AND month_index IS NOT NULL AND level_month IS NULL)
  OR (source = 'level' AND plan_order_id IS NULL AND month_index IS NULL AND level_month IS NOT NULL)
);
CREATE UNIQUE INDEX coupons_level_month ON coupons (member_id, level_month) WHERE source = 'level';
-- One coupon per order.
CREATE UNIQUE INDEX coupons_used_order ON coupons (used_order_id) WHERE used_order_id IS NOT NULL;

ALTER TABLE orders ADD COLUMN discount_fen integer NOT NULL DEFAULT 0 CHECK (discount_fen >= 0);
ALTER TABLE orders ADD COLUMN coupon_code text REFERENCES coupons (code);
