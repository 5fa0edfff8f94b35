CREATE TABLE "proposal_ballots" (
	"region_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"cast_by_person_id" uuid,
	"by_proxy" boolean DEFAULT false NOT NULL,
	"mode" text NOT NULL,
	"choice" integer,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_ballots_proposal_id_unit_id_pk" PRIMARY KEY("proposal_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "proposal_ballots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "proposal_counts" (
	"region_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"choice" integer NOT NULL,
	"votes" integer NOT NULL,
	CONSTRAINT "proposal_counts_proposal_id_choice_pk" PRIMARY KEY("proposal_id","choice")
);
--> statement-breakpoint
ALTER TABLE "proposal_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "proposal_proxies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"granted_by_person_id" uuid NOT NULL,
	"holder_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_proxies_unit_key" UNIQUE("proposal_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "proposal_proxies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "proposal_voters" (
	"region_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_name" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "proposal_voters_proposal_id_unit_id_person_id_pk" PRIMARY KEY("proposal_id","unit_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "proposal_voters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"text" text,
	"kind" text NOT NULL,
	"choices" jsonb,
	"majority" text NOT NULL,
	"quorum_percent" integer,
	"weighting" text NOT NULL,
	"max_proxies" integer NOT NULL,
	"ballot" text NOT NULL,
	"mode" text NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"status" text DEFAULT 'draft' NOT NULL,
	"electorate_on" date,
	"result" jsonb,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "proposals_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "proposals_quorum_percent" CHECK ("proposals"."quorum_percent" is null or "proposals"."quorum_percent" between 1 and 100),
	CONSTRAINT "proposals_max_proxies" CHECK ("proposals"."max_proxies" between 0 and 10),
	CONSTRAINT "proposals_window" CHECK ("proposals"."closes_at" is null or "proposals"."opens_at" is null or "proposals"."closes_at" > "proposals"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "proposal_ballots" ADD CONSTRAINT "proposal_ballots_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_counts" ADD CONSTRAINT "proposal_counts_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_proxies" ADD CONSTRAINT "proposal_proxies_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_proxies" ADD CONSTRAINT "proposal_proxies_holder_fk" FOREIGN KEY ("region_id","holder_person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_voters" ADD CONSTRAINT "proposal_voters_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_voters" ADD CONSTRAINT "proposal_voters_person_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_meeting_fk" FOREIGN KEY ("region_id","meeting_id") REFERENCES "public"."meetings"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_proxies_holder_idx" ON "proposal_proxies" USING btree ("region_id","proposal_id","holder_person_id");--> statement-breakpoint
CREATE INDEX "proposal_voters_person_idx" ON "proposal_voters" USING btree ("region_id","person_id","proposal_id");--> statement-breakpoint
CREATE INDEX "proposals_list_idx" ON "proposals" USING btree ("region_id","created_at","id");--> statement-breakpoint
CREATE INDEX "proposals_body_idx" ON "proposals" USING btree ("region_id","body_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_meeting_idx" ON "proposals" USING btree ("region_id","meeting_id");--> statement-breakpoint
CREATE INDEX "proposals_open_idx" ON "proposals" USING btree ("region_id","closes_at") WHERE "proposals"."status" = 'open';--> statement-breakpoint
CREATE POLICY "region_isolation" ON "proposal_ballots" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("proposal_ballots"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("proposal_ballots"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "proposal_counts" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("proposal_counts"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("proposal_counts"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "proposal_proxies" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("proposal_proxies"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("proposal_proxies"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "proposal_voters" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("proposal_voters"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("proposal_voters"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "proposals" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("proposals"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("proposals"."region_id" = nullif(current_setting('app.region', true), '')::uuid);