-- Who works at these organisations now (the sociale kaart's cards and discipline filter, a WSV's
-- profile) is answered from the index alone: it also carries the person, the end date and the
-- function, so PostgreSQL does not visit a table page per work relation. Drizzle's index builder
-- has no INCLUDE; the schema keeps the index's name and key columns.
DROP INDEX IF EXISTS "work_relations_organisation_idx";
--> statement-breakpoint
CREATE INDEX "work_relations_organisation_idx" ON "work_relations" USING btree ("region_id", "organisation_id")
  INCLUDE ("person_id", "to_date", "function");
