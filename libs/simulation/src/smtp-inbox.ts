import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { SeasonInbox } from './season/inbox';
import { waitFor } from './wait';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
  attachments: ParsedMail['attachments'];
}

/**
 * A real SMTP server in this process, for the tests and the demonstration season. It can refuse the
 * first N messages (to exercise retries) and, with `saveTo`, writes each message as a `.eml` file that any
 * mail client opens.
 */
export class SmtpInbox implements SeasonInbox {
  readonly messages: ReceivedMail[] = [];
  refuseNext = 0;
  refused = 0;
  port = 0;
  private server!: SMTPServer;

  private constructor(private readonly saveTo: string | null) {}

  static async start(options: { port?: number; saveTo?: string } = {}): Promise<SmtpInbox> {
    const inbox = new SmtpInbox(options.saveTo ?? null);
    if (inbox.saveTo) mkdirSync(inbox.saveTo, { recursive: true });
    inbox.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 25 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (inbox.refuseNext > 0) {
            inbox.refuseNext--;
            inbox.refused++;
            callback(Object.assign(new Error('451 try again later'), { responseCode: 451 }));
            return;
          }
          inbox
            .receive(Buffer.concat(chunks))
            .then(() => callback())
            .catch(callback);
        });
      },
    });
    // A client gone in the middle of a message (a worker killed with SIGKILL while sending) resets its socket;
    // smtp-server reports that as an 'error' event, which with no listener throws "read ECONNRESET" in this
    // process. The message was not accepted, so the sender's outbox sends it again: nothing to do here.
    inbox.server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.warn(`SMTP inbox: ${error.message}`);
    });
    await new Promise<void>((resolve, reject) => {
      inbox.server.server.once('error', reject);
      inbox.server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    inbox.port = (inbox.server.server.address() as AddressInfo).port;
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get location(): string {
    return this.saveTo ? `${this.saveTo} (one .eml file per message)` : `${this.url} (in memory)`;
  }

  async list(): Promise<ReceivedMail[]> {
    return this.messages;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Waits until `address` has received `count` messages matching `subject` (or any), and returns the last. */
  async waitForMail(address: string, options: { subject?: RegExp; count?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
    const matching = () => this.to(address).filter((m) => !options.subject || options.subject.test(m.subject));
    await waitFor(() => matching().length >= (options.count ?? 1), options.timeoutMs ?? 15_000, `mail to ${address}`);
    return matching().at(-1)!;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(raw: Buffer): Promise<void> {
    const mail = await simpleParser(raw);
    const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
    this.messages.push({
      to,
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      html: typeof mail.html === 'string' ? mail.html : '',
      messageId: mail.messageId,
      attachments: mail.attachments,
    });
    if (this.saveTo) {
      const name = `${String(this.messages.length).padStart(5, '0')}-${to[0] ?? 'unknown'}.eml`.replace(/[^\w.@-]/g, '_');
      writeFileSync(join(this.saveTo, name), raw);
    }
  }
}
