CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"presenter_person_id" uuid,
	"minutes_allotted" integer,
	"confidential" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "agenda_items_minutes" CHECK ("agenda_items"."minutes_allotted" is null or "agenda_items"."minutes_allotted" between 1 and 600)
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"region_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "meeting_attendance_region_id_meeting_id_person_id_pk" PRIMARY KEY("region_id","meeting_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"online_url" text,
	"cancelled_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"ical_sequence" integer DEFAULT 0 NOT NULL,
	"agenda_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meetings_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "meetings_period" CHECK ("meetings"."ends_at" > "meetings"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "bodies" ADD COLUMN "quorum_percent" integer;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "ical" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_fk" FOREIGN KEY ("region_id","meeting_id") REFERENCES "public"."meetings"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenter_fk" FOREIGN KEY ("region_id","presenter_person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_fk" FOREIGN KEY ("region_id","meeting_id") REFERENCES "public"."meetings"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("region_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_presenter_idx" ON "agenda_items" USING btree ("region_id","presenter_person_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_person_idx" ON "meeting_attendance" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "meetings_body_idx" ON "meetings" USING btree ("region_id","body_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("region_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "persons_region_email_idx" ON "persons" USING btree ("region_id",lower("email"));--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_quorum_percent" CHECK ("bodies"."quorum_percent" is null or "bodies"."quorum_percent" between 1 and 100);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "agenda_items" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("agenda_items"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("agenda_items"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "calendar_feeds" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("calendar_feeds"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("calendar_feeds"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "meeting_attendance" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("meeting_attendance"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("meeting_attendance"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "meetings" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("meetings"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("meetings"."region_id" = nullif(current_setting('app.region', true), '')::uuid);