import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db, Tx } from "./db.js";
import type { FileStore } from "./files.js";
import { files } from "./files-schema.js";
import { mailOutbox } from "./mail-schema.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar object (METHOD:REQUEST or CANCEL) that mail programs show as an invitation. */
  ical?: string;
  /** A stored file of the same region sent along (e.g. the agenda bundle); see `mail_outbox`. */
  attachmentFileId?: string;
}

export interface MailWorkerOptions {
  /** smtp(s)://… ; without it mail is kept for beheerders to read. */
  smtpUrl?: string;
  from: string;
  /** Where attachments' bytes are read from. */
  files: FileStore;
  onError?: (err: unknown) => void;
}

/** How long a worker may take to send a claimed batch before another worker may retry it. */
const CLAIM_MS = 5 * 60_000;

/** Queues a mail in the caller's transaction: it goes out only if the change commits. */
export const enqueueMail = (tx: Tx, regionId: string, mail: Mail) => enqueueMails(tx, regionId, [mail]);

/** Queues many mails (a body's members, a day's reminders) in a few statements, not one each. */
export async function enqueueMails(tx: Tx, regionId: string, mails: Mail[]): Promise<void> {
  for (let i = 0; i < mails.length; i += 1000)
    await tx.insert(mailOutbox).values(mails.slice(i, i + 1000).map((mail) => ({ regionId, ...mail })));
}

/**
 * Delivers queued mail. Several app processes may run it at once: each claims rows with
 * `FOR UPDATE SKIP LOCKED` and a lease (`claimed_until`), so no mail goes out twice. Without SMTP, mail is marked `kept`
 * and beheerders read it in the app.
 */
export class MailWorker {
  private transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private from: string;
  private files: FileStore;
  private onError: (err: unknown) => void;

  constructor(
    private db: Db,
    options: MailWorkerOptions,
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
    this.from = options.from;
    this.files = options.files;
    this.onError = options.onError ?? (() => {});
  }

  /**
   * Reads attachments for one batch as nodemailer takes them: each file once, however many of the
   * batch's mails carry it (an agenda goes to every member with the same PDF). A failed read fails
   * the sending of the mail that needs it, as any SMTP error does.
   */
  private attachmentReader() {
    const read = new Map<string, ReturnType<typeof this.readAttachment>>();
    return (fileId: string | null) => {
      if (!fileId) return Promise.resolve([]);
      if (!read.has(fileId)) read.set(fileId, this.readAttachment(fileId));
      return read.get(fileId)!;
    };
  }

  private async readAttachment(fileId: string) {
    const [file] = await this.db.select().from(files).where(eq(files.id, fileId));
    if (!file) return [];
    return [
      { filename: file.name, contentType: file.contentType, content: await this.files.get(file.storageKey) },
    ];
  }

  start(intervalMs = 2000) {
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Runs one delivery pass now (or waits for the running one). */
  kick(): Promise<void> {
    this.running ??= this.deliver()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /**
   * Claims a batch in a short transaction and sends it outside any transaction: a slow or
   * unreachable SMTP server then never holds database locks or (on PGlite) the only connection.
   */
  private async deliver(): Promise<void> {
    for (;;) {
      const batch = await this.db.transaction(async (tx) => {
        const now = new Date();
        const rows = await tx
          .select()
          .from(mailOutbox)
          .where(
            and(
              eq(mailOutbox.status, "queued"),
              lt(mailOutbox.attempts, 5),
              or(isNull(mailOutbox.claimedUntil), lt(mailOutbox.claimedUntil, now)),
            ),
          )
          .orderBy(mailOutbox.createdAt)
          .limit(20)
          .for("update", { skipLocked: true });
        if (rows.length)
          await tx
            .update(mailOutbox)
            .set(
              this.transport
                ? { claimedUntil: new Date(now.getTime() + CLAIM_MS) }
                : { status: "kept", claimedUntil: null },
            )
            .where(
              inArray(
                mailOutbox.id,
                rows.map((m) => m.id),
              ),
            );
        return rows;
      });
      if (batch.length === 0) return;
      if (!this.transport) continue;
      const attachmentsOf = this.attachmentReader();
      for (const [i, mail] of batch.entries()) {
        try {
          await this.transport.sendMail({
            from: this.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            attachments: await attachmentsOf(mail.attachmentFileId),
            ...(mail.ical && {
              icalEvent: { method: /^METHOD:(\w+)/m.exec(mail.ical)?.[1] ?? "PUBLISH", content: mail.ical },
            }),
          });
          await this.db
            .update(mailOutbox)
            .set({ status: "sent", sentAt: new Date(), attempts: mail.attempts + 1, claimedUntil: null })
            .where(eq(mailOutbox.id, mail.id));
        } catch (err) {
          const attempts = mail.attempts + 1;
          await this.db
            .update(mailOutbox)
            .set({
              attempts,
              lastError: String(err).slice(0, 500),
              status: attempts >= 5 ? "failed" : "queued",
              claimedUntil: null,
            })
            .where(eq(mailOutbox.id, mail.id));
          // The rest of the batch waits for the next tick, unclaimed (back off).
          const rest = batch.slice(i + 1).map((m) => m.id);
          if (rest.length)
            await this.db.update(mailOutbox).set({ claimedUntil: null }).where(inArray(mailOutbox.id, rest));
          return;
        }
      }
    }
  }
}
