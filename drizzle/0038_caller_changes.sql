-- A change to what identifies a caller (a session, an API token, or the account behind either)
-- is announced, so a server that keeps recent callers in memory forgets them at once
-- (docs/decisions/0008): NOTIFY reaches every server process after the commit; the NOTICE reaches
-- the connection that made the change, before its statement returns, so the next request of that
-- same process already sees it. Touches of last_seen_at and last_used_at are not announced.
CREATE OR REPLACE FUNCTION callers_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('regiotafel_callers', '');
  RAISE NOTICE 'regiotafel_callers';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_callers_changed
  AFTER UPDATE OF region_id, user_id, csrf_token, expires_at OR DELETE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION callers_changed();
--> statement-breakpoint
CREATE TRIGGER api_tokens_callers_changed
  AFTER UPDATE OF region_id, user_id, name, role, token_hash, expires_at, revoked_at OR DELETE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION callers_changed();
--> statement-breakpoint
CREATE TRIGGER users_callers_changed
  AFTER UPDATE OF region_id, name, role, status OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION callers_changed();
