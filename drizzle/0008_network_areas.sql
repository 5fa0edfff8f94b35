CREATE TABLE "area_inhabitants" (
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"inhabitants" integer NOT NULL,
	CONSTRAINT "area_inhabitants_pk" PRIMARY KEY("region_id","code","year")
);
--> statement-breakpoint
ALTER TABLE "area_inhabitants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "areas" (
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"municipality_code" text NOT NULL,
	"wijk_code" text,
	CONSTRAINT "areas_pk" PRIMARY KEY("region_id","code")
);
--> statement-breakpoint
ALTER TABLE "areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "network_areas" (
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"wijk_code" text NOT NULL,
	CONSTRAINT "network_areas_pk" PRIMARY KEY("region_id","organisation_id","wijk_code")
);
--> statement-breakpoint
ALTER TABLE "network_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "area_inhabitants" ADD CONSTRAINT "area_inhabitants_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_areas" ADD CONSTRAINT "network_areas_organisation_fk" FOREIGN KEY ("region_id","organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_areas" ADD CONSTRAINT "network_areas_wijk_fk" FOREIGN KEY ("region_id","wijk_code") REFERENCES "public"."areas"("region_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_municipality_idx" ON "areas" USING btree ("region_id","municipality_code","kind","code");--> statement-breakpoint
CREATE INDEX "areas_wijk_idx" ON "areas" USING btree ("region_id","wijk_code");--> statement-breakpoint
CREATE INDEX "network_areas_wijk_idx" ON "network_areas" USING btree ("region_id","wijk_code");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "area_inhabitants" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("area_inhabitants"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("area_inhabitants"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "areas" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "network_areas" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("network_areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("network_areas"."region_id" = nullif(current_setting('app.region', true), '')::uuid);