import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** The SMTP port the e2e server sends to (playwright.config.ts sets SMTP_URL to it). */
export const SMTP_PORT = 2526;

/**
 * A real SMTP peer for the browser journeys and API tests: it accepts every message and keeps it
 * parsed, so a test reads the invitation or reset link the way the recipient would. Port 0 picks
 * a free one (see `port`).
 */
export async function startMailbox(port = SMTP_PORT) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address();

  return {
    received,
    port: typeof address === "object" && address ? address.port : port,
    /** Waits (the outbox worker polls every 2 s) for a mail to `to` whose subject matches. */
    async waitFor(to: string, subject: RegExp, timeoutMs = 20_000): Promise<ParsedMail> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const mail = received.find(
          (m) => m.to && JSON.stringify(m.to).includes(to) && subject.test(m.subject ?? ""),
        );
        if (mail) return mail;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(
        `No mail to ${to} matching ${subject}; received: ${received.map((m) => m.subject).join(", ")}`,
      );
    },
    /** The first link in the mail's text that goes to `path` (e.g. /uitnodiging/). */
    linkIn(mail: ParsedMail, path: string): string {
      const link = mail.text?.match(new RegExp(`https?://\\S+${path}\\S+`))?.[0];
      if (!link) throw new Error(`No ${path} link in: ${mail.text}`);
      return new URL(link).pathname;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
