CREATE TABLE "successes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"project_id" uuid,
	"happened_on" date NOT NULL,
	"photo_file_id" uuid,
	"created_by_user_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "successes_region_id_id_key" UNIQUE("region_id","id"),
	CONSTRAINT "successes_story" CHECK (length("successes"."story") > 0)
);
--> statement-breakpoint
ALTER TABLE "successes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "successes" ADD CONSTRAINT "successes_project_fk" FOREIGN KEY ("region_id","project_id") REFERENCES "public"."projects"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "successes" ADD CONSTRAINT "successes_photo_fk" FOREIGN KEY ("region_id","photo_file_id") REFERENCES "public"."files"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "successes_wall_idx" ON "successes" USING btree ("region_id","happened_on","id");--> statement-breakpoint
CREATE INDEX "successes_project_idx" ON "successes" USING btree ("region_id","project_id");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "successes" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("successes"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("successes"."region_id" = nullif(current_setting('app.region', true), '')::uuid);