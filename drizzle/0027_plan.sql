CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"vision" text,
	"ambitions" text,
	"status" text DEFAULT 'concept' NOT NULL,
	"adopted_by_body_id" uuid,
	"adopted_on" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plans_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "plans_period" CHECK ("plans"."end_year" >= "plans"."start_year" and "plans"."end_year" - "plans"."start_year" < 10),
	CONSTRAINT "plans_adoption" CHECK (("plans"."status" = 'adopted') = ("plans"."adopted_by_body_id" is not null and "plans"."adopted_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "policy_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "policy_areas_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "policy_areas_plan_name_key" UNIQUE("region_id","plan_id","name")
);
--> statement-breakpoint
ALTER TABLE "policy_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "result_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"policy_area_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "result_areas_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "result_areas_policy_area_name_key" UNIQUE("region_id","policy_area_id","name")
);
--> statement-breakpoint
ALTER TABLE "result_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_adopted_by_body_fk" FOREIGN KEY ("region_id","adopted_by_body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_previous_fk" FOREIGN KEY ("region_id","previous_id") REFERENCES "public"."plans"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_areas" ADD CONSTRAINT "policy_areas_plan_fk" FOREIGN KEY ("region_id","plan_id") REFERENCES "public"."plans"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_areas" ADD CONSTRAINT "result_areas_policy_area_fk" FOREIGN KEY ("region_id","policy_area_id") REFERENCES "public"."policy_areas"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_region_start_idx" ON "plans" USING btree ("region_id","start_year","id");--> statement-breakpoint
CREATE INDEX "plans_region_title_idx" ON "plans" USING btree ("region_id","title","id");--> statement-breakpoint
CREATE INDEX "plans_previous_idx" ON "plans" USING btree ("region_id","previous_id");--> statement-breakpoint
CREATE INDEX "policy_areas_plan_idx" ON "policy_areas" USING btree ("region_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "result_areas_policy_area_idx" ON "result_areas" USING btree ("region_id","policy_area_id","position");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "plans" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("plans"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("plans"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "policy_areas" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("policy_areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("policy_areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "result_areas" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("result_areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("result_areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid);