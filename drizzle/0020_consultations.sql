CREATE TABLE "consultation_answers" (
	"region_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"question" integer NOT NULL,
	"support" integer NOT NULL,
	"comment" text,
	"handling" text,
	"handling_note" text,
	"handled_at" timestamp with time zone,
	CONSTRAINT "consultation_answers_consultation_id_person_id_question_pk" PRIMARY KEY("consultation_id","person_id","question"),
	CONSTRAINT "consultation_answers_support" CHECK ("consultation_answers"."support" between 1 and 5),
	CONSTRAINT "consultation_answers_question" CHECK ("consultation_answers"."question" between 0 and 19)
);
--> statement-breakpoint
ALTER TABLE "consultation_answers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "consultation_invitees" (
	"region_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"discipline" text,
	"network_id" uuid,
	"network_name" text,
	"responded_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "consultation_invitees_consultation_id_person_id_pk" PRIMARY KEY("consultation_id","person_id"),
	CONSTRAINT "consultation_invitees_region_key" UNIQUE("region_id","consultation_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "consultation_invitees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"policy_area" text,
	"title" text NOT NULL,
	"text" text,
	"questions" jsonb NOT NULL,
	"audience" text NOT NULL,
	"audience_organisation_ids" jsonb,
	"deadline" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"deciding_body_id" uuid,
	"meeting_id" uuid,
	"decision_id" uuid,
	"outcome" text,
	"opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consultations_region_id_id_key" UNIQUE("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "consultations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_invitee_fk" FOREIGN KEY ("region_id","consultation_id","person_id") REFERENCES "public"."consultation_invitees"("region_id","consultation_id","person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitees" ADD CONSTRAINT "consultation_invitees_consultation_fk" FOREIGN KEY ("region_id","consultation_id") REFERENCES "public"."consultations"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitees" ADD CONSTRAINT "consultation_invitees_person_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_deciding_body_fk" FOREIGN KEY ("region_id","deciding_body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_meeting_fk" FOREIGN KEY ("region_id","meeting_id") REFERENCES "public"."meetings"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_decision_fk" FOREIGN KEY ("region_id","decision_id") REFERENCES "public"."decisions"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_invitees_person_idx" ON "consultation_invitees" USING btree ("region_id","person_id","consultation_id");--> statement-breakpoint
CREATE INDEX "consultations_list_idx" ON "consultations" USING btree ("region_id","created_at","id");--> statement-breakpoint
CREATE INDEX "consultations_body_idx" ON "consultations" USING btree ("region_id","body_id","created_at");--> statement-breakpoint
CREATE INDEX "consultations_status_idx" ON "consultations" USING btree ("region_id","status","created_at");--> statement-breakpoint
CREATE INDEX "consultations_deciding_body_idx" ON "consultations" USING btree ("region_id","deciding_body_id");--> statement-breakpoint
CREATE INDEX "consultations_meeting_idx" ON "consultations" USING btree ("region_id","meeting_id");--> statement-breakpoint
CREATE INDEX "consultations_decision_idx" ON "consultations" USING btree ("region_id","decision_id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "consultation_answers" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("consultation_answers"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("consultation_answers"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "consultation_invitees" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("consultation_invitees"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("consultation_invitees"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "consultations" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("consultations"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("consultations"."region_id" = nullif(current_setting('app.region', true), '')::uuid);