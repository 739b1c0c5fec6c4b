-- FanLoop server schema, version 10: a KOL's 分享赚 posts with what each brought (GET /distribution/posts) count
-- the orders placed through each post: found by the post, not by scanning every order.
CREATE INDEX orders_post ON orders (post_id) WHERE post_id IS NOT NULL;
