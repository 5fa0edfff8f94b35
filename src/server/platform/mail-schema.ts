import { foreignKey, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { files } from "./files-schema.js";
import { regionId, regionIsolation } from "./tenancy-schema.js";

/**
 * Outgoing mail. Written in the transaction that causes it (so a rolled-back change sends
 * nothing), delivered by the outbox worker through SMTP, or kept for beheerders to read when no
 * SMTP server is configured.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    /** An iCalendar object sent with the mail as an invitation (its METHOD says which kind). */
    ical: text("ical"),
    /**
     * A file sent with the mail (an agenda bundle). Stored once and referenced by every mail that
     * carries it, so thirty invitations do not hold thirty copies; the worker reads it at sending.
     */
    attachmentFileId: uuid("attachment_file_id"),
    /** queued → sent | kept (no SMTP) | failed (after retries) */
    status: text("status", { enum: ["queued", "sent", "kept", "failed"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /**
     * While a worker is sending a queued mail, no other worker takes it until this time; a worker
     * that died mid-send leaves it to be retried after that.
     */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_status_idx").on(t.status, t.createdAt),
    index("mail_outbox_region_idx").on(t.regionId, t.createdAt),
    foreignKey({
      columns: [t.regionId, t.attachmentFileId],
      foreignColumns: [files.regionId, files.id],
      name: "mail_outbox_attachment_fk",
    }),
    regionIsolation(t.regionId),
  ],
).enableRLS();
