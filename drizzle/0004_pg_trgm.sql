-- Trigram search (typo-tolerant, substring) for names; PGlite loads the extension in platform/db.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
