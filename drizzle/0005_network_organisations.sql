CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_date" date,
	"parent_id" uuid,
	"merged_into_id" uuid,
	"visit_street" text,
	"visit_house_number" text,
	"visit_postcode" text,
	"visit_city" text,
	"postal_street" text,
	"postal_house_number" text,
	"postal_postcode" text,
	"postal_city" text,
	"phone" text,
	"email" text,
	"website" text,
	"agb_code" text,
	"kvk_number" text,
	"municipality_code" text,
	"wijk_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "organisations_region_id_id_key" UNIQUE("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "organisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_fk" FOREIGN KEY ("region_id","parent_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_merged_into_fk" FOREIGN KEY ("region_id","merged_into_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_region_name_idx" ON "organisations" USING btree ("region_id","name","id");--> statement-breakpoint
CREATE INDEX "organisations_region_kind_idx" ON "organisations" USING btree ("region_id","kind","name","id");--> statement-breakpoint
CREATE INDEX "organisations_region_parent_idx" ON "organisations" USING btree ("region_id","parent_id");--> statement-breakpoint
CREATE INDEX "organisations_region_municipality_idx" ON "organisations" USING btree ("region_id","municipality_code");--> statement-breakpoint
CREATE INDEX "organisations_agb_idx" ON "organisations" USING btree ("region_id","agb_code");--> statement-breakpoint
CREATE INDEX "organisations_kvk_idx" ON "organisations" USING btree ("region_id","kvk_number");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "organisations" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("organisations"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("organisations"."region_id" = nullif(current_setting('app.region', true), '')::uuid);