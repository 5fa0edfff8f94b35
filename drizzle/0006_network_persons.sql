CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"name_prefix" text,
	"family_name" text NOT NULL,
	"disciplines" text[] DEFAULT '{}' NOT NULL,
	"big_number" text,
	"agb_code" text,
	"email" text,
	"phone" text,
	"visibility" text DEFAULT 'members' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "persons_region_id_id_key" UNIQUE("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "persons" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"function" text,
	"fte" numeric(3, 2),
	"from_date" date,
	"to_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_relations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_relations" ADD CONSTRAINT "work_relations_person_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_relations" ADD CONSTRAINT "work_relations_organisation_fk" FOREIGN KEY ("region_id","organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "persons_region_family_idx" ON "persons" USING btree ("region_id","family_name","given_name","id");--> statement-breakpoint
CREATE INDEX "persons_region_big_idx" ON "persons" USING btree ("region_id","big_number");--> statement-breakpoint
CREATE INDEX "persons_region_agb_idx" ON "persons" USING btree ("region_id","agb_code");--> statement-breakpoint
CREATE INDEX "persons_disciplines_idx" ON "persons" USING gin ("disciplines");--> statement-breakpoint
CREATE INDEX "work_relations_person_idx" ON "work_relations" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "work_relations_organisation_idx" ON "work_relations" USING btree ("region_id","organisation_id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "persons" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("persons"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("persons"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "work_relations" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("work_relations"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("work_relations"."region_id" = nullif(current_setting('app.region', true), '')::uuid);