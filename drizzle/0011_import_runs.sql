CREATE TABLE "import_run_items" (
	"region_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	CONSTRAINT "import_run_items_pk" PRIMARY KEY("run_id","entity_id")
);
--> statement-breakpoint
ALTER TABLE "import_run_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_run_items" ADD CONSTRAINT "import_run_items_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_runs_region_idx" ON "import_runs" USING btree ("region_id","created_at","id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "import_run_items" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("import_run_items"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("import_run_items"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "import_runs" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("import_runs"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("import_runs"."region_id" = nullif(current_setting('app.region', true), '')::uuid);