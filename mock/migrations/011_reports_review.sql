-- FanLoop server schema, version 11: comments are reported like posts, and the operator reviews what reports hid.
-- A comment reported by 5 distinct members is hidden (hidden_at) until the operator decides: restored (visible again,
-- its reports cleared) or removed (removed_at: gone for members for good). A post remembers when reports hid it, so
-- the review queue reads newest first; a post the operator removes is `rejected` with the reason, which its author
-- reads in 我的笔记.
ALTER TABLE posts ADD COLUMN hidden_at timestamptz;
ALTER TABLE comments ADD COLUMN hidden_at timestamptz;
ALTER TABLE comments ADD COLUMN removed_at timestamptz;
ALTER TABLE comments ADD COLUMN removed_reason text;
ALTER TABLE comments ADD CONSTRAINT comments_removed_was_hidden CHECK (removed_at IS NULL OR hidden_at IS NOT NULL);
CREATE INDEX comments_hidden ON comments (hidden_at) WHERE hidden_at IS NOT NULL AND removed_at IS NULL;

-- One report per member per comment, however many requests arrive: the unique key decides. A comment deleted
-- outright takes its reports with it.
CREATE TABLE comment_reports (
  comment_id text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id),
  reason text NOT NULL,
  note text,
  created_at timestamptz NOT NULL,
  UNIQUE (comment_id, member_id)
);
