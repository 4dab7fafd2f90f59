import type { components } from './schema';

type Schemas = components['schemas'];

/** The API's resources the pages name, as the generated document describes them. */
export type Session = Schemas['LoginResponse'];
export type User = Schemas['UserView'];
export type Edition = Schemas['EditionView'];
export type Category = Schemas['CategoryView'];
export type Invoice = Schemas['InvoiceView'];
export type Colleague = Schemas['ColleagueView'];
export type EntryStatus = Schemas['EntryStatus'];
export type CreateEntry = Schemas['CreateEntryDto'];
export type EntryReport = Schemas['EntryReport'];
export type CriterionScore = Schemas['CriterionScoreView'];
/** An entry as the lists return it; `GET /api/entries/:id` adds its timeline. */
export type Entry = Schemas['EntryView'] & Partial<Pick<Schemas['EntryDetailView'], 'timeline'>>;
