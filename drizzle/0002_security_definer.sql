-- E-mail addresses are unique across regions. Row-level security hides other regions' accounts
-- from the app role, so this check runs with the owner's rights and answers only yes or no.
CREATE OR REPLACE FUNCTION email_taken(addr text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(addr)) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION email_taken(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION email_taken(text) TO regiotafel_app;
