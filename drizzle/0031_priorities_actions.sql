CREATE TABLE "action_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_comments_body" CHECK (length("action_comments"."body") > 0)
);
--> statement-breakpoint
ALTER TABLE "action_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "action_dependencies" (
	"region_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"depends_on_id" uuid NOT NULL,
	CONSTRAINT "action_dependencies_region_id_action_id_depends_on_id_pk" PRIMARY KEY("region_id","action_id","depends_on_id"),
	CONSTRAINT "action_dependencies_self" CHECK ("action_dependencies"."action_id" <> "action_dependencies"."depends_on_id")
);
--> statement-breakpoint
ALTER TABLE "action_dependencies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"priority_id" uuid,
	"project_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"owner_organisation_id" uuid,
	"owner_person_id" uuid,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"wijk_code" text,
	"due_soon_notice_sent_at" timestamp with time zone,
	"overdue_notice_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "actions_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "actions_parent" CHECK ("actions"."priority_id" is not null or "actions"."project_id" is not null),
	CONSTRAINT "actions_owner" CHECK ("actions"."owner_organisation_id" is not null or "actions"."owner_person_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"prioritisation_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"result_area_id" uuid,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "priorities_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "priorities_topic_key" UNIQUE("region_id","topic_id")
);
--> statement-breakpoint
ALTER TABLE "priorities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "prioritisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"body_id" uuid,
	"points_per_participant" integer DEFAULT 10 NOT NULL,
	"priority_count" integer DEFAULT 4 NOT NULL,
	"status" text DEFAULT 'gathering' NOT NULL,
	"decided_on" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "prioritisations_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "prioritisations_points" CHECK ("prioritisations"."points_per_participant" between 1 and 100),
	CONSTRAINT "prioritisations_priority_count" CHECK ("prioritisations"."priority_count" between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "prioritisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "topic_scores" (
	"region_id" uuid NOT NULL,
	"prioritisation_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_scores_region_id_topic_id_person_id_pk" PRIMARY KEY("region_id","topic_id","person_id"),
	CONSTRAINT "topic_scores_points" CHECK ("topic_scores"."points" > 0)
);
--> statement-breakpoint
ALTER TABLE "topic_scores" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"prioritisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"proposed_by_organisation_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "topics_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "topics_title_key" UNIQUE("region_id","prioritisation_id","title")
);
--> statement-breakpoint
ALTER TABLE "topics" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "action_comments" ADD CONSTRAINT "action_comments_action_fk" FOREIGN KEY ("region_id","action_id") REFERENCES "public"."actions"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_comments" ADD CONSTRAINT "action_comments_author_fk" FOREIGN KEY ("region_id","author_user_id") REFERENCES "public"."users"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_dependencies" ADD CONSTRAINT "action_dependencies_action_fk" FOREIGN KEY ("region_id","action_id") REFERENCES "public"."actions"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_dependencies" ADD CONSTRAINT "action_dependencies_depends_on_fk" FOREIGN KEY ("region_id","depends_on_id") REFERENCES "public"."actions"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_priority_fk" FOREIGN KEY ("region_id","priority_id") REFERENCES "public"."priorities"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_project_fk" FOREIGN KEY ("region_id","project_id") REFERENCES "public"."projects"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_organisation_fk" FOREIGN KEY ("region_id","owner_organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_person_fk" FOREIGN KEY ("region_id","owner_person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_wijk_fk" FOREIGN KEY ("region_id","wijk_code") REFERENCES "public"."areas"("region_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_prioritisation_fk" FOREIGN KEY ("region_id","prioritisation_id") REFERENCES "public"."prioritisations"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_topic_fk" FOREIGN KEY ("region_id","topic_id") REFERENCES "public"."topics"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_result_area_fk" FOREIGN KEY ("region_id","result_area_id") REFERENCES "public"."result_areas"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prioritisations" ADD CONSTRAINT "prioritisations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prioritisations" ADD CONSTRAINT "prioritisations_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_scores" ADD CONSTRAINT "topic_scores_prioritisation_fk" FOREIGN KEY ("region_id","prioritisation_id") REFERENCES "public"."prioritisations"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_scores" ADD CONSTRAINT "topic_scores_topic_fk" FOREIGN KEY ("region_id","topic_id") REFERENCES "public"."topics"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_scores" ADD CONSTRAINT "topic_scores_person_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_prioritisation_fk" FOREIGN KEY ("region_id","prioritisation_id") REFERENCES "public"."prioritisations"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_organisation_fk" FOREIGN KEY ("region_id","proposed_by_organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_comments_action_idx" ON "action_comments" USING btree ("region_id","action_id","created_at");--> statement-breakpoint
CREATE INDEX "action_dependencies_depends_on_idx" ON "action_dependencies" USING btree ("region_id","depends_on_id");--> statement-breakpoint
CREATE INDEX "actions_owner_person_idx" ON "actions" USING btree ("region_id","owner_person_id","due_date","id");--> statement-breakpoint
CREATE INDEX "actions_owner_organisation_idx" ON "actions" USING btree ("region_id","owner_organisation_id","due_date","id");--> statement-breakpoint
CREATE INDEX "actions_priority_idx" ON "actions" USING btree ("region_id","priority_id","due_date","id");--> statement-breakpoint
CREATE INDEX "actions_project_idx" ON "actions" USING btree ("region_id","project_id","due_date","id");--> statement-breakpoint
CREATE INDEX "actions_wijk_idx" ON "actions" USING btree ("region_id","wijk_code","due_date","id");--> statement-breakpoint
CREATE INDEX "actions_due_idx" ON "actions" USING btree ("region_id","due_date","id");--> statement-breakpoint
CREATE INDEX "priorities_list_idx" ON "priorities" USING btree ("region_id","prioritisation_id","position");--> statement-breakpoint
CREATE INDEX "priorities_result_area_idx" ON "priorities" USING btree ("region_id","result_area_id");--> statement-breakpoint
CREATE INDEX "prioritisations_list_idx" ON "prioritisations" USING btree ("region_id","created_at","id");--> statement-breakpoint
CREATE INDEX "topic_scores_person_idx" ON "topic_scores" USING btree ("region_id","prioritisation_id","person_id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "action_comments" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("action_comments"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("action_comments"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "action_dependencies" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("action_dependencies"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("action_dependencies"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "actions" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("actions"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("actions"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "priorities" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("priorities"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("priorities"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "prioritisations" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("prioritisations"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("prioritisations"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "topic_scores" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("topic_scores"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("topic_scores"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "topics" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("topics"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("topics"."region_id" = nullif(current_setting('app.region', true), '')::uuid);