CREATE TABLE "kpi_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" numeric(14, 4) NOT NULL,
	"wijk_code" text,
	"organisation_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kpi_measurements_scope" CHECK ("kpi_measurements"."wijk_code" is null or "kpi_measurements"."organisation_id" is null)
);
--> statement-breakpoint
ALTER TABLE "kpi_measurements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"result_area_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" text,
	"unit" text NOT NULL,
	"baseline" numeric(14, 4) NOT NULL,
	"target" numeric(14, 4) NOT NULL,
	"direction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kpis_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "kpis_name_key" UNIQUE("region_id","name")
);
--> statement-breakpoint
ALTER TABLE "kpis" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "persons_region_email_idx";--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "email_key" text GENERATED ALWAYS AS (lower(email)) STORED;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_kpi_fk" FOREIGN KEY ("region_id","kpi_id") REFERENCES "public"."kpis"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_wijk_fk" FOREIGN KEY ("region_id","wijk_code") REFERENCES "public"."areas"("region_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_organisation_fk" FOREIGN KEY ("region_id","organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_result_area_fk" FOREIGN KEY ("region_id","result_area_id") REFERENCES "public"."result_areas"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_measurements_scope_key" ON "kpi_measurements" USING btree ("region_id","kpi_id","period",coalesce("wijk_code", ''),coalesce("organisation_id"::text, ''));--> statement-breakpoint
CREATE INDEX "kpi_measurements_series_idx" ON "kpi_measurements" USING btree ("region_id","kpi_id","period_start");--> statement-breakpoint
CREATE INDEX "kpis_result_area_idx" ON "kpis" USING btree ("region_id","result_area_id");--> statement-breakpoint
CREATE INDEX "persons_region_email_idx" ON "persons" USING btree ("region_id","email_key");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "kpi_measurements" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("kpi_measurements"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("kpi_measurements"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "kpis" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("kpis"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("kpis"."region_id" = nullif(current_setting('app.region', true), '')::uuid);