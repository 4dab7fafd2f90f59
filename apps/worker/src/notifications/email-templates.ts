/**
 * The worker renders every e-mail when it sends it, whichever domain wrote it: each domain registers its
 * templates when its library loads, so load those whose modules the worker does not build.
 */
import '@app/accounts';
import '@app/publication';
