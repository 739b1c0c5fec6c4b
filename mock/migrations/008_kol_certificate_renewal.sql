-- FanLoop server schema, version 8: a KOL level's certificate is valid for a year and renewed after it (a new one,
-- with its own code, while the member still distributes and holds the level): one per member, level and start day
-- instead of one per member and level for ever.
DROP INDEX certificates_kol_level;
CREATE UNIQUE INDEX certificates_kol_level ON certificates (member_id, kol_level, starts_on) WHERE kind = 'kol_level';
