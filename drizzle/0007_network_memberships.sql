CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"member_person_id" uuid,
	"member_organisation_id" uuid,
	"type" text DEFAULT 'member' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"contribution_category" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "memberships_one_member" CHECK (("memberships"."member_person_id" is null) <> ("memberships"."member_organisation_id" is null)),
	CONSTRAINT "memberships_period" CHECK ("memberships"."end_date" is null or "memberships"."end_date" >= "memberships"."start_date")
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_fk" FOREIGN KEY ("region_id","organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_member_person_fk" FOREIGN KEY ("region_id","member_person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_member_organisation_fk" FOREIGN KEY ("region_id","member_organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("region_id","organisation_id","start_date");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("region_id","member_person_id");--> statement-breakpoint
CREATE INDEX "memberships_member_organisation_idx" ON "memberships" USING btree ("region_id","member_organisation_id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("memberships"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("memberships"."region_id" = nullif(current_setting('app.region', true), '')::uuid);