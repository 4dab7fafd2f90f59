import { authenticatedFetch } from '../auth/session';
import { ApiError, type ApiErrorBody } from './errors';

const fileNameOf = (disposition: string | null) => disposition?.match(/filename="?([^";]+)"?/)?.[1] ?? null;

/**
 * Saves a file the API serves only to its owner (an invoice PDF, a report, the logo kit): the access
 * token travels in a header, which a plain link cannot send, so the file is fetched and then saved.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await authenticatedFetch(new Request(new URL(path, window.location.origin)));
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(response.status, body ?? { statusCode: response.status, error: response.statusText, message: response.statusText });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileNameOf(response.headers.get('content-disposition')) ?? fallbackName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
