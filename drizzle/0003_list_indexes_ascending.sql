DROP INDEX "audit_log_region_id_idx";--> statement-breakpoint
DROP INDEX "audit_log_region_actor_idx";--> statement-breakpoint
DROP INDEX "audit_log_region_entity_idx";--> statement-breakpoint
DROP INDEX "audit_log_region_at_idx";--> statement-breakpoint
DROP INDEX "mail_outbox_region_idx";--> statement-breakpoint
CREATE INDEX "audit_log_region_id_idx" ON "audit_log" USING btree ("region_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_region_actor_idx" ON "audit_log" USING btree ("region_id","actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_region_entity_idx" ON "audit_log" USING btree ("region_id","entity_type","id");--> statement-breakpoint
CREATE INDEX "audit_log_region_at_idx" ON "audit_log" USING btree ("region_id","at");--> statement-breakpoint
CREATE INDEX "mail_outbox_region_idx" ON "mail_outbox" USING btree ("region_id","created_at");