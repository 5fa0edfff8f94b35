CREATE TABLE "mandate_organisations" (
	"region_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "mandate_organisations_region_id_mandate_id_organisation_id_pk" PRIMARY KEY("region_id","mandate_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "mandate_organisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"seat_id" uuid,
	"constituency" text NOT NULL,
	"scope" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"document_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mandates_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "mandates_period" CHECK ("mandates"."valid_to" is null or "mandates"."valid_to" >= "mandates"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "mandates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mandate_organisations" ADD CONSTRAINT "mandate_organisations_mandate_fk" FOREIGN KEY ("region_id","mandate_id") REFERENCES "public"."mandates"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_organisations" ADD CONSTRAINT "mandate_organisations_organisation_fk" FOREIGN KEY ("region_id","organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_person_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_seat_fk" FOREIGN KEY ("region_id","seat_id") REFERENCES "public"."seats"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_document_fk" FOREIGN KEY ("region_id","document_file_id") REFERENCES "public"."files"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mandate_organisations_organisation_idx" ON "mandate_organisations" USING btree ("region_id","organisation_id");--> statement-breakpoint
CREATE INDEX "mandates_person_idx" ON "mandates" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "mandates_seat_idx" ON "mandates" USING btree ("region_id","seat_id");--> statement-breakpoint
CREATE INDEX "mandates_constituency_idx" ON "mandates" USING btree ("region_id","constituency","id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "mandate_organisations" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("mandate_organisations"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("mandate_organisations"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "mandates" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("mandates"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("mandates"."region_id" = nullif(current_setting('app.region', true), '')::uuid);