ALTER TABLE "proposals" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_decision_fk" FOREIGN KEY ("region_id","decision_id") REFERENCES "public"."decisions"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposals_decision_idx" ON "proposals" USING btree ("region_id","decision_id");