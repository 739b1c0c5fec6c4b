-- FanLoop server schema, version 6: a coupon gift of the points mall is a coupon in the wallet. Its terms (what it
-- takes off, from what order amount) are the server's, beside the gift; redeeming it puts one coupon per unit in the
-- wallet, spent on a product order like any other. A coupon may need a minimum order amount (满 199 减 20).
CREATE TABLE gift_coupon_terms (
  gift_id text PRIMARY KEY REFERENCES gifts (id),
  value_fen integer NOT NULL CHECK (value_fen > 0),
  min_spend_fen integer NOT NULL DEFAULT 0 CHECK (min_spend_fen >= 0),
  valid_days integer NOT NULL CHECK (valid_days > 0)
);

ALTER TABLE coupons ADD COLUMN min_spend_fen integer NOT NULL DEFAULT 0 CHECK (min_spend_fen >= 0);
ALTER TABLE coupons ADD COLUMN redemption_id text REFERENCES redemptions (id);
ALTER TABLE coupons DROP CONSTRAINT coupons_source_check;
ALTER TABLE coupons ADD CONSTRAINT coupons_source_check CHECK (source IN ('plan', 'level', 'gift'));
ALTER TABLE coupons DROP CONSTRAINT coupons_source;
ALTER TABLE coupons ADD CONSTRAINT coupons_source CHECK (
  (source = 'plan' AND plan_order_id IS NOT NULL AND month_index IS NOT NULL AND level_month IS NULL
    AND redemption_id IS NULL)
  OR (source = 'level' AND plan_order_id IS NULL AND month_index IS NULL AND level_month IS NOT NULL
    AND redemption_id IS NULL)
  OR (source = 'gift' AND plan_order_id IS NULL AND month_index IS NULL AND level_month IS NULL
    AND redemption_id IS NOT NULL)
);
CREATE INDEX coupons_redemption ON coupons (redemption_id) WHERE redemption_id IS NOT NULL;
