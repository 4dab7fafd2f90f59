import { waitFor } from '../wait';

export interface InboxMessage {
  to: string[];
  subject: string;
  text: string;
  messageId: string | undefined;
}

/** Where the season reads the platform's e-mails: the in-process SMTP server, or a Mailpit the platform already sends to. */
export interface SeasonInbox {
  /** A human hint of where the e-mails can be read afterwards. */
  readonly location: string;
  list(): Promise<InboxMessage[]>;
  waitForMail(address: string, options: { subject?: RegExp; timeoutMs?: number }): Promise<InboxMessage>;
}

interface MailpitSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: { Address: string }[];
}

/** Mailpit's HTTP API (the SMTP catcher of docker-compose.yml), read-only. */
export class MailpitInbox implements SeasonInbox {
  constructor(private readonly baseUrl: string) {}

  get location(): string {
    return `${this.baseUrl} (Mailpit)`;
  }

  static async reachable(baseUrl: string): Promise<boolean> {
    try {
      return (await fetch(`${baseUrl}/api/v1/info`, { signal: AbortSignal.timeout(1500) })).ok;
    } catch {
      return false;
    }
  }

  async list(): Promise<InboxMessage[]> {
    const out: InboxMessage[] = [];
    for (let start = 0; ; start += 500) {
      const page = (await (await fetch(`${this.baseUrl}/api/v1/messages?start=${start}&limit=500`)).json()) as { messages: MailpitSummary[]; total: number };
      out.push(...page.messages.map((m) => ({ to: m.To.map((t) => t.Address.toLowerCase()), subject: m.Subject, text: '', messageId: m.MessageID })));
      if (start + 500 >= page.total) return out;
    }
  }

  async waitForMail(address: string, options: { subject?: RegExp; timeoutMs?: number }): Promise<InboxMessage> {
    let found: MailpitSummary | undefined;
    await waitFor(
      async () => {
        const query = encodeURIComponent(`to:"${address}"`);
        const page = (await (await fetch(`${this.baseUrl}/api/v1/search?query=${query}&limit=50`)).json()) as { messages: MailpitSummary[] };
        found = page.messages.find((m) => !options.subject || options.subject.test(m.Subject));
        return found !== undefined;
      },
      options.timeoutMs ?? 30_000,
      `mail to ${address}`,
      250,
    );
    const message = (await (await fetch(`${this.baseUrl}/api/v1/message/${found!.ID}`)).json()) as { Text: string };
    return { to: found!.To.map((t) => t.Address.toLowerCase()), subject: found!.Subject, text: message.Text, messageId: found!.MessageID };
  }
}
