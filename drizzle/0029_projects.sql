CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"level" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "programmes_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "programmes_region_name_key" UNIQUE("region_id","name")
);
--> statement-breakpoint
ALTER TABLE "programmes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "project_organisations" (
	"region_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "project_organisations_region_id_project_id_organisation_id_pk" PRIMARY KEY("region_id","project_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "project_organisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "project_result_areas" (
	"region_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"result_area_id" uuid NOT NULL,
	CONSTRAINT "project_result_areas_region_id_project_id_result_area_id_pk" PRIMARY KEY("region_id","project_id","result_area_id")
);
--> statement-breakpoint
ALTER TABLE "project_result_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"goals" text,
	"level" text NOT NULL,
	"phase" text DEFAULT 'idea' NOT NULL,
	"leader_person_id" uuid,
	"working_group_id" uuid,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "projects_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "projects_period" CHECK ("projects"."end_date" is null or "projects"."start_date" is null or "projects"."end_date" >= "projects"."start_date")
);
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_organisations" ADD CONSTRAINT "project_organisations_project_fk" FOREIGN KEY ("region_id","project_id") REFERENCES "public"."projects"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_organisations" ADD CONSTRAINT "project_organisations_organisation_fk" FOREIGN KEY ("region_id","organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_result_areas" ADD CONSTRAINT "project_result_areas_project_fk" FOREIGN KEY ("region_id","project_id") REFERENCES "public"."projects"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_result_areas" ADD CONSTRAINT "project_result_areas_result_area_fk" FOREIGN KEY ("region_id","result_area_id") REFERENCES "public"."result_areas"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_programme_fk" FOREIGN KEY ("region_id","programme_id") REFERENCES "public"."programmes"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_leader_fk" FOREIGN KEY ("region_id","leader_person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_working_group_fk" FOREIGN KEY ("region_id","working_group_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_organisations_organisation_idx" ON "project_organisations" USING btree ("region_id","organisation_id");--> statement-breakpoint
CREATE INDEX "project_result_areas_result_area_idx" ON "project_result_areas" USING btree ("region_id","result_area_id");--> statement-breakpoint
CREATE INDEX "projects_programme_idx" ON "projects" USING btree ("region_id","programme_id","name","id");--> statement-breakpoint
CREATE INDEX "projects_name_idx" ON "projects" USING btree ("region_id","name","id");--> statement-breakpoint
CREATE INDEX "projects_phase_idx" ON "projects" USING btree ("region_id","phase","name","id");--> statement-breakpoint
CREATE INDEX "projects_leader_idx" ON "projects" USING btree ("region_id","leader_person_id");--> statement-breakpoint
CREATE INDEX "projects_start_idx" ON "projects" USING btree ("region_id","start_date","id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "programmes" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("programmes"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("programmes"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "project_organisations" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("project_organisations"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("project_organisations"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "project_result_areas" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("project_result_areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("project_result_areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "projects" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("projects"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("projects"."region_id" = nullif(current_setting('app.region', true), '')::uuid);