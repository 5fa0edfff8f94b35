ALTER TABLE "seat_terms" ADD COLUMN "ending_notice_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "seat_terms" ADD COLUMN "vacancy_notice_sent_at" timestamp with time zone;