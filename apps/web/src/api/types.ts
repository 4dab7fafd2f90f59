import type { components } from './schema';

type Schemas = components['schemas'];

/** The API's resources the pages name, as the generated document describes them. */
export type Session = Schemas['LoginResponse'];
export type User = Schemas['UserView'];
export type Edition = Schemas['EditionView'];
export type Category = Schemas['CategoryView'];
export type Invoice = Schemas['InvoiceView'];
export type Colleague = Schemas['ColleagueView'];
