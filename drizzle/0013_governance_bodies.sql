CREATE TABLE "bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"policy_area" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bodies_region_id_id_key" UNIQUE("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "bodies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "seat_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "seat_terms_period" CHECK ("seat_terms"."end_date" is null or "seat_terms"."end_date" >= "seat_terms"."start_date")
);
--> statement-breakpoint
ALTER TABLE "seat_terms" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"role" text NOT NULL,
	"represents_organisation_id" uuid,
	"represents_discipline" text,
	"represents_constituency" text,
	"term_years" integer,
	"max_terms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "seats_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "seats_term_years" CHECK ("seats"."term_years" is null or "seats"."term_years" between 1 and 10),
	CONSTRAINT "seats_max_terms" CHECK ("seats"."max_terms" is null or "seats"."max_terms" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "seats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_terms" ADD CONSTRAINT "seat_terms_seat_fk" FOREIGN KEY ("region_id","seat_id") REFERENCES "public"."seats"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_terms" ADD CONSTRAINT "seat_terms_person_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_represents_organisation_fk" FOREIGN KEY ("region_id","represents_organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bodies_region_name_idx" ON "bodies" USING btree ("region_id","name","id");--> statement-breakpoint
CREATE INDEX "seat_terms_seat_idx" ON "seat_terms" USING btree ("region_id","seat_id","start_date");--> statement-breakpoint
CREATE INDEX "seat_terms_person_idx" ON "seat_terms" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "seat_terms_end_idx" ON "seat_terms" USING btree ("region_id","end_date");--> statement-breakpoint
CREATE INDEX "seats_body_idx" ON "seats" USING btree ("region_id","body_id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "bodies" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("bodies"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("bodies"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "seat_terms" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("seat_terms"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("seat_terms"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "seats" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("seats"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("seats"."region_id" = nullif(current_setting('app.region', true), '')::uuid);