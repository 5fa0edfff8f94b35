CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"rag" text,
	"narrative" text,
	"risks" text,
	"kpi_snapshot" jsonb,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"reminded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "progress_reports_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "progress_reports_project_key" UNIQUE("region_id","round_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "progress_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"period" text NOT NULL,
	"due_date" date NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_rounds_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "report_rounds_period_key" UNIQUE("region_id","period")
);
--> statement-breakpoint
ALTER TABLE "report_rounds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_round_fk" FOREIGN KEY ("region_id","round_id") REFERENCES "public"."report_rounds"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_project_fk" FOREIGN KEY ("region_id","project_id") REFERENCES "public"."projects"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_reports_project_idx" ON "progress_reports" USING btree ("region_id","project_id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "progress_reports" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("progress_reports"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("progress_reports"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "report_rounds" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("report_rounds"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("report_rounds"."region_id" = nullif(current_setting('app.region', true), '')::uuid);