export { sleep, waitFor } from '@app/simulation';
