-- The role requests run as (SET LOCAL ROLE). It owns nothing, so row-level security applies.
-- Roles belong to the whole server: two databases migrating at once may both try to create it,
-- so losing that race is fine.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'regiotafel_app') THEN
    CREATE ROLE regiotafel_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO regiotafel_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO regiotafel_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO regiotafel_app;
