-- FanLoop server schema, version 9: a comment's thread outlives it. A top-level comment deleted while it has
-- replies stays as a placeholder (deleted_at set, its text cleared; its author is never answered again), so the
-- replies other members wrote under it stay; one without replies is deleted outright. A reply to a reply names the
-- member it answers (addressee_id), since replies are one level deep and all hang from the top-level comment.
ALTER TABLE comments ADD COLUMN deleted_at timestamptz;
ALTER TABLE comments ADD COLUMN addressee_id text REFERENCES members (id);
