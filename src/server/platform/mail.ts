import { and, eq, inArray, lt } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db, Tx } from "./db.js";
import { mailOutbox } from "./mail-schema.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Queues a mail in the caller's transaction: it goes out only if the change commits. */
export async function enqueueMail(tx: Tx, regionId: string, mail: Mail): Promise<void> {
  await tx.insert(mailOutbox).values({ regionId, ...mail });
}

/**
 * Delivers queued mail. Several app processes may run it at once: each claims rows with
 * `FOR UPDATE SKIP LOCKED`, so no mail goes out twice. Without SMTP, mail is marked `kept`
 * and beheerders read it in the app.
 */
export class MailWorker {
  private transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private db: Db,
    smtpUrl: string | undefined,
    private from: string,
    private onError: (err: unknown) => void = () => {},
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
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

  private async deliver(): Promise<void> {
    for (;;) {
      const sentSome = await this.db.transaction(async (tx) => {
        const batch = await tx
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.status, "queued"), lt(mailOutbox.attempts, 5)))
          .orderBy(mailOutbox.createdAt)
          .limit(20)
          .for("update", { skipLocked: true });
        if (batch.length === 0) return false;
        if (!this.transport) {
          await tx
            .update(mailOutbox)
            .set({ status: "kept" })
            .where(
              inArray(
                mailOutbox.id,
                batch.map((m) => m.id),
              ),
            );
          return true;
        }
        for (const mail of batch) {
          try {
            await this.transport.sendMail({
              from: this.from,
              to: mail.to,
              subject: mail.subject,
              text: mail.text,
            });
            await tx
              .update(mailOutbox)
              .set({ status: "sent", sentAt: new Date(), attempts: mail.attempts + 1 })
              .where(eq(mailOutbox.id, mail.id));
          } catch (err) {
            const attempts = mail.attempts + 1;
            await tx
              .update(mailOutbox)
              .set({
                attempts,
                lastError: String(err).slice(0, 500),
                status: attempts >= 5 ? "failed" : "queued",
              })
              .where(eq(mailOutbox.id, mail.id));
            return false; // back off until the next tick
          }
        }
        return true;
      });
      if (!sentSome) return;
    }
  }
}
