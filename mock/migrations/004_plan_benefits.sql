-- FanLoop server schema, version 4: a membership plan's priority shipping made real. Orders of products and
-- physical redemptions carry the ship-by time promised when they were made (earlier with priority shipping in force),
-- and the mock ships a redemption at that time. Rows made before this version keep the promise they had: 48 hours.
ALTER TABLE orders ADD COLUMN ship_by timestamptz;
ALTER TABLE orders ADD COLUMN priority_shipping boolean NOT NULL DEFAULT false;
UPDATE orders SET ship_by = created_at + interval '48 hours' WHERE kind = 'product';

ALTER TABLE redemptions ADD COLUMN ship_by timestamptz;
ALTER TABLE redemptions ADD COLUMN priority_shipping boolean NOT NULL DEFAULT false;
UPDATE redemptions SET ship_by = created_at + interval '48 hours' WHERE kind = 'physical';
ALTER TABLE redemptions ADD CONSTRAINT redemptions_ship_by CHECK ((kind = 'physical') = (ship_by IS NOT NULL));
CREATE INDEX redemptions_member_ship_by ON redemptions (member_id, ship_by) WHERE kind = 'physical';
ALTER TABLE orders ADD CONSTRAINT orders_ship_by CHECK ((kind = 'product') = (ship_by IS NOT NULL));
