import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// A loaded 2-core machine loads the lazy routes slowly: `findBy…` waits up to 10 s, not 1 s (nothing here measures time).
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);
