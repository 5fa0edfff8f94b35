CREATE TABLE "document_versions" (
	"region_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_name" text,
	CONSTRAINT "document_versions_document_id_number_pk" PRIMARY KEY("document_id","number")
);
--> statement-breakpoint
ALTER TABLE "document_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"title" text NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "documents_region_id_id_key" UNIQUE("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_fk" FOREIGN KEY ("region_id","document_id") REFERENCES "public"."documents"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_file_fk" FOREIGN KEY ("region_id","file_id") REFERENCES "public"."files"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_body_fk" FOREIGN KEY ("region_id","body_id") REFERENCES "public"."bodies"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_meeting_fk" FOREIGN KEY ("region_id","meeting_id") REFERENCES "public"."meetings"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_agenda_item_fk" FOREIGN KEY ("region_id","agenda_item_id") REFERENCES "public"."agenda_items"("region_id","id") ON DELETE set null ("agenda_item_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_versions_file_idx" ON "document_versions" USING btree ("region_id","file_id");--> statement-breakpoint
CREATE INDEX "documents_body_idx" ON "documents" USING btree ("region_id","body_id","created_at","id");--> statement-breakpoint
CREATE INDEX "documents_meeting_idx" ON "documents" USING btree ("region_id","meeting_id","created_at","id");--> statement-breakpoint
CREATE INDEX "documents_agenda_item_idx" ON "documents" USING btree ("region_id","agenda_item_id");--> statement-breakpoint
CREATE INDEX "documents_list_idx" ON "documents" USING btree ("region_id","created_at","id");--> statement-breakpoint
CREATE INDEX "documents_search_idx" ON "documents" USING gin (to_tsvector('dutch', "title"));--> statement-breakpoint
CREATE INDEX "meetings_search_idx" ON "meetings" USING gin (to_tsvector('dutch', "title" || ' ' || coalesce("minutes", '')));--> statement-breakpoint
CREATE POLICY "region_isolation" ON "document_versions" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("document_versions"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("document_versions"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "region_isolation" ON "documents" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("documents"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("documents"."region_id" = nullif(current_setting('app.region', true), '')::uuid);