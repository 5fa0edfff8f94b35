CREATE TABLE "project_districts" (
	"region_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"wijk_code" text NOT NULL,
	CONSTRAINT "project_districts_region_id_project_id_wijk_code_pk" PRIMARY KEY("region_id","project_id","wijk_code")
);
--> statement-breakpoint
ALTER TABLE "project_districts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_districts" ADD CONSTRAINT "project_districts_project_fk" FOREIGN KEY ("region_id","project_id") REFERENCES "public"."projects"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_districts" ADD CONSTRAINT "project_districts_wijk_fk" FOREIGN KEY ("region_id","wijk_code") REFERENCES "public"."areas"("region_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_districts_wijk_idx" ON "project_districts" USING btree ("region_id","wijk_code");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "project_districts" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("project_districts"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("project_districts"."region_id" = nullif(current_setting('app.region', true), '')::uuid);