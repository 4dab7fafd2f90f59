import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
  attachments: ParsedMail['attachments'];
}

/** A real SMTP server in the test process; it can refuse the first N messages to exercise retries. */
export class SmtpInbox {
  readonly messages: ReceivedMail[] = [];
  refuseNext = 0;
  refused = 0;
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<SmtpInbox> {
    const inbox = new SmtpInbox();
    inbox.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (inbox.refuseNext > 0) {
            inbox.refuseNext--;
            inbox.refused++;
            const error = Object.assign(new Error('451 try again later'), { responseCode: 451 });
            callback(error);
            return;
          }
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
              inbox.messages.push({
                to,
                subject: mail.subject ?? '',
                text: mail.text ?? '',
                html: typeof mail.html === 'string' ? mail.html : '',
                messageId: mail.messageId,
                attachments: mail.attachments,
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve) => inbox.server.listen(0, '127.0.0.1', resolve));
    inbox.port = (inbox.server.server.address() as AddressInfo).port;
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
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
}
