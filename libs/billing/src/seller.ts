/**
 * Who issues Palmares' invoices: the organiser's legal identity, printed on every invoice and credit
 * note. One place to change it (the values here are fictitious).
 */
export const SELLER = {
  name: 'Palmares SAS',
  legalForm: 'SAS au capital de 10 000 €',
  addressLines: ['12 rue des Lauréats', '75011 Paris', 'France'],
  siren: '912345675',
  rcs: 'RCS Paris 912 345 675',
  vatNumber: 'FR65912345675',
  email: 'facturation@palmares.example',
  bank: { iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPPXXX' },
} as const;

/** When an invoice that is not tied to the edition's payment deadline falls due. */
export const DEFAULT_PAYMENT_TERM_DAYS = 30;

/** The fixed indemnity for recovery costs owed by a professional buyer who pays late (art. D441-5 Code de commerce). */
export const RECOVERY_INDEMNITY_EUROS = 40;
