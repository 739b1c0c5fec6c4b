-- FanLoop server schema, version 7: a member's uploads of a business day are counted at each upload (a daily cap,
-- community/rules.ts UPLOADS_PER_DAY), by this index rather than a scan of every upload.
CREATE INDEX uploads_member_time ON uploads (member_id, created_at);
