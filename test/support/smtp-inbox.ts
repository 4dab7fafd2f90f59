export { SmtpInbox, type ReceivedMail } from '@app/simulation';
