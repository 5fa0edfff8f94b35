CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"description" text NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_soon_notice_sent_at" timestamp with time zone,
	"overdue_notice_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_items_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "action_items_description" CHECK (length("action_items"."description") > 0)
);
--> statement-breakpoint
ALTER TABLE "action_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "decision_counters" (
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "decision_counters_region_id_body_id_year_pk" PRIMARY KEY("region_id","body_id","year")
);
--> statement-breakpoint
ALTER TABLE "decision_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "decisions_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "decisions_number_key" UNIQUE("region_id","body_id","year","sequence")
);
--> statement-breakpoint
ALTER TABLE "decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes_approved_in_id" uuid;--> statement-breakpoint
ALTER TABLE "bodies" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_fk" FOREIGN KEY ("region_id","meeting_id") REFERENCES "public"."meetings"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_agenda_item_fk" FOREIGN KEY ("region_id","agenda_item_id") REFERENCES "public"."agenda_items"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_fk" FOREIGN KEY ("region_id","owner_person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_counters" ADD CONSTRAINT "decision_counters_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_fk" FOREIGN KEY ("region_id","meeting_id") REFERENCES "public"."meetings"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agenda_item_fk" FOREIGN KEY ("region_id","agenda_item_id") REFERENCES "public"."agenda_items"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_meeting_idx" ON "action_items" USING btree ("region_id","meeting_id");--> statement-breakpoint
CREATE INDEX "action_items_agenda_item_idx" ON "action_items" USING btree ("region_id","agenda_item_id");--> statement-breakpoint
CREATE INDEX "action_items_owner_idx" ON "action_items" USING btree ("region_id","owner_person_id","due_date","id");--> statement-breakpoint
CREATE INDEX "action_items_due_idx" ON "action_items" USING btree ("region_id","due_date","id");--> statement-breakpoint
CREATE INDEX "action_items_body_idx" ON "action_items" USING btree ("region_id","body_id","due_date","id");--> statement-breakpoint
CREATE INDEX "decisions_meeting_idx" ON "decisions" USING btree ("region_id","meeting_id");--> statement-breakpoint
CREATE INDEX "decisions_agenda_item_idx" ON "decisions" USING btree ("region_id","agenda_item_id");--> statement-breakpoint
CREATE INDEX "decisions_list_idx" ON "decisions" USING btree ("region_id","year","sequence","id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_approved_in_fk" FOREIGN KEY ("region_id","minutes_approved_in_id") REFERENCES "public"."meetings"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "region_isolation" ON "action_items" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("action_items"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("action_items"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "decision_counters" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("decision_counters"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("decision_counters"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "decisions" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("decisions"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("decisions"."region_id" = nullif(current_setting('app.region', true), '')::uuid);