import { isValidSiren } from '@app/accounts';
import { SeededRandom } from './random';

export const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'CHAT', 'SOCIAL'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Criterion {
  key: string;
  label: string;
  max: number;
  weight: number;
}

/** What one demonstration category tests: the same realistic grid and scenario bank in every sector. */
export const GRIDS: Record<Channel, Criterion[]> = {
  PHONE: [
    { key: 'reach', label: 'Joignabilité (décroché en moins de 3 minutes)', max: 4, weight: 2 },
    { key: 'greeting', label: 'Accueil et identification', max: 4, weight: 1 },
    { key: 'listening', label: 'Écoute et reformulation', max: 4, weight: 1.5 },
    { key: 'accuracy', label: 'Exactitude de la réponse', max: 4, weight: 3 },
    { key: 'courtesy', label: 'Courtoisie', max: 2, weight: 1 },
  ],
  EMAIL: [
    { key: 'delay', label: 'Délai de réponse', max: 4, weight: 2 },
    { key: 'personal', label: 'Réponse personnalisée', max: 4, weight: 1.5 },
    { key: 'accuracy', label: 'Exactitude de la réponse', max: 4, weight: 3 },
    { key: 'writing', label: 'Qualité rédactionnelle', max: 2, weight: 1 },
  ],
  WEB: [
    { key: 'findability', label: 'Information trouvée en moins de 3 clics', max: 4, weight: 2 },
    { key: 'clarity', label: 'Clarté des contenus', max: 4, weight: 1.5 },
    { key: 'contact', label: 'Moyens de contact visibles', max: 2, weight: 1 },
  ],
  CHAT: [
    { key: 'wait', label: 'Attente avant le premier message', max: 4, weight: 2 },
    { key: 'accuracy', label: 'Exactitude de la réponse', max: 4, weight: 3 },
    { key: 'tone', label: 'Ton et courtoisie', max: 2, weight: 1 },
  ],
  SOCIAL: [
    { key: 'delay', label: 'Délai de réponse publique', max: 4, weight: 2 },
    { key: 'followup', label: 'Prise en charge en message privé', max: 4, weight: 1.5 },
  ],
};

export const SCENARIOS: { channel: Channel; text: string }[] = [
  { channel: 'PHONE', text: 'Demander comment résilier le contrat et dans quel délai' },
  { channel: 'PHONE', text: 'Signaler une erreur sur la dernière facture' },
  { channel: 'PHONE', text: 'Demander un conseil avant de souscrire une option' },
  { channel: 'EMAIL', text: 'Contester des frais prélevés sans explication' },
  { channel: 'EMAIL', text: 'Demander une copie du contrat signé' },
  { channel: 'WEB', text: 'Trouver les conditions de remboursement' },
  { channel: 'WEB', text: 'Trouver comment déclarer un changement d’adresse' },
  { channel: 'CHAT', text: 'Suivre une demande restée sans réponse' },
  { channel: 'SOCIAL', text: 'Se plaindre publiquement d’un retard de traitement' },
];

/** Sectors the demonstration draws its categories from, in this order. */
const SECTORS = [
  {
    code: 'banking',
    name: 'Banque',
    brands: [
      'Banque Hexagone',
      'Crédit des Tilleuls',
      'Caisse Azur',
      'Néobanque Ondine',
      'Banque du Quai',
      'Crédit Solaire',
      'Banque Vauban',
      'Caisse des Lilas',
      'Banque Opale',
      'Crédit Mistral',
    ],
  },
  {
    code: 'insurance',
    name: 'Assurance',
    brands: [
      'Assurances Horizon',
      'Mutuelle Cerise',
      'Protectia',
      'Assur’Éclair',
      'Mutuelle des Landes',
      'Garantie Verte',
      'Assurances Phare',
      'Mutuelle Alizé',
      'Prévoyance Iris',
      'Assurances Rempart',
    ],
  },
  {
    code: 'energy',
    name: 'Énergie',
    brands: [
      'Énergie Claire',
      'Volt & Vous',
      'Gaz du Levant',
      'Soleil Commun',
      'Watt Service',
      'Énergies Pyrène',
      'Courant Vert',
      'Électricité Danae',
      'Thermia',
      'Énergie Boréale',
    ],
  },
  {
    code: 'telecoms',
    name: 'Télécoms',
    brands: ['Télé Onde', 'Fibre Express', 'Réseau Nova', 'Mobil’Hexa', 'Connecto', 'Signal Plus', 'Onde Bleue', 'Télécom Arvor', 'Liaison 4', 'Box Lumière'],
  },
  {
    code: 'ecommerce',
    name: 'E-commerce',
    brands: [
      'Panier Malin',
      'Maison & Clic',
      'Libraire en Ligne',
      'ModeExpress',
      'Colis Joyeux',
      'Vélo Direct',
      'Épicerie Fine.fr',
      'Brico Clic',
      'Jouets & Cie',
      'Sport Comptoir',
    ],
  },
  {
    code: 'transport',
    name: 'Transport',
    brands: [
      'Rail Atlantique',
      'Cars Azur',
      'Vol Horizon',
      'Bus Citadin',
      'Ferry Iroise',
      'Trains des Alpes',
      'Navette Liberté',
      'Taxi Central',
      'Covoit’Ouest',
      'Métropole Mobilités',
    ],
  },
  {
    code: 'hotels',
    name: 'Hôtels de charme',
    brands: [
      'Hôtel des Remparts',
      'Le Clos Fleuri',
      'Maison Oliveraie',
      'Le Relais du Lac',
      'Hôtel Belle Rive',
      'Domaine des Vignes',
      'Le Mas Bleu',
      'Villa Marine',
      'Auberge des Cimes',
      'Manoir du Parc',
    ],
  },
] as const;

const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Inès', 'Nathan', 'Manon', 'Louis', 'Sarah', 'Jules', 'Emma', 'Adam', 'Jade', 'Théo', 'Zoé'];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
];

/** How a category was set up to behave, so a reader (and the season test) knows what to expect of it. */
export type SectorPlan = 'CONTESTED' | 'LOW_QUALITY' | 'TOO_SMALL';

export interface SimSector {
  code: string;
  name: string;
  plan: SectorPlan;
}

export type PaymentPlan = 'CARD' | 'BANK_TRANSFER' | 'NEVER';

export interface SimCompany {
  index: number;
  name: string;
  siren: string;
  email: string;
  sector: string;
  /** Hidden "true quality" in [0, 1]: a perfect evaluation of it scores about 20 × quality. */
  quality: number;
  payment: PaymentPlan;
  contactPoints: Partial<Record<Channel, string[]>>;
}

export interface SimShopper {
  index: number;
  name: string;
  email: string;
  sectors: string[];
  /** A shopper's own lean (added to the quality they perceive) and spread (per criterion). */
  bias: number;
  noise: number;
  /** Chance that they miss a task altogether (it expires and goes to another shopper). */
  lateness: number;
}

export interface Cast {
  sectors: SimSector[];
  companies: SimCompany[];
  shoppers: SimShopper[];
}

/**
 * The season's people, from the seed: sectors (the last one too small to be contested, one whose
 * companies are all below the award threshold when there are at least three), companies with a hidden
 * quality and a way to pay (one never pays), and shoppers with a bias, a spread and a lateness.
 * `run` makes e-mails and SIRENs unique to this run, so seasons can share a database.
 */
export function buildCast(options: { companies: number; shoppers: number; sectors: number; seed: number; run: string }): Cast {
  const random = new SeededRandom(options.seed, 'cast');
  // SIRENs are unique in the platform: drawn per run, so the same seed can be played twice on one database
  const sirens = new SeededRandom(options.seed, `sirens:${options.run}`);
  const sectorCount = Math.min(options.sectors, SECTORS.length);
  const sectors: SimSector[] = SECTORS.slice(0, sectorCount).map((s, i) => ({
    code: s.code,
    name: s.name,
    plan: i === sectorCount - 1 ? 'TOO_SMALL' : i === sectorCount - 2 && sectorCount >= 3 ? 'LOW_QUALITY' : 'CONTESTED',
  }));
  // two companies in the small sector (below the minimum of three), the others spread evenly
  const big = sectors.filter((s) => s.plan !== 'TOO_SMALL');
  const sectorOf = (i: number) => (i < 2 ? sectors[sectorCount - 1] : big[(i - 2) % big.length]);
  const used = new Map<string, number>();
  const companies: SimCompany[] = Array.from({ length: options.companies }, (_, i) => {
    const sector = sectorOf(i);
    const catalogue = SECTORS.find((s) => s.code === sector.code)!.brands;
    const n = used.get(sector.code) ?? 0;
    used.set(sector.code, n + 1);
    const name = n < catalogue.length ? catalogue[n] : `${catalogue[n % catalogue.length]} ${Math.floor(n / catalogue.length) + 1}`;
    // a contested sector has a clear leader (its first company), so the palmarès has a title to get right
    const quality = sector.plan === 'LOW_QUALITY' ? random.between(0.3, 0.52) : n === 0 ? random.between(0.86, 0.95) : random.between(0.45, 0.75);
    const slug = `${name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .toLowerCase()}-${options.run}`.replace(/^-+|-+$/g, '');
    const contactPoints: Partial<Record<Channel, string[]>> = {
      PHONE: [`+33 1 ${String(40 + (i % 50)).padStart(2, '0')} 00 ${String(i % 100).padStart(2, '0')} 00`],
      EMAIL: [`service-client@${slug}.example`],
      WEB: [`https://www.${slug}.example/aide`],
      CHAT: [`https://www.${slug}.example/chat`],
      SOCIAL: [`@${slug.slice(0, 20)}`],
    };
    // one company per contested sector has no social-network account: that channel is not tested for it
    if (n === 1) delete contactPoints.SOCIAL;
    return {
      index: i,
      name,
      siren: sirenFor(sirens),
      email: `contact@${slug}.example`,
      sector: sector.code,
      quality,
      payment: 'CARD' as PaymentPlan,
      contactPoints,
    };
  });
  // a few pay by bank transfer, and one company of a contested sector (not its leader) never pays: it is excluded
  const contested = companies.filter((c) => sectors.find((s) => s.code === c.sector)!.plan === 'CONTESTED' && c.quality < 0.8);
  random.shuffle(contested).forEach((company, k) => {
    if (k === 0) company.payment = 'NEVER';
    else if (k <= Math.max(1, Math.round(companies.length / 12))) company.payment = 'BANK_TRANSFER';
  });
  const shoppers: SimShopper[] = Array.from({ length: options.shoppers }, (_, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length];
    // every shopper covers two sectors, rotating, so every sector has about 2/sectors of the shoppers
    const own = [sectors[i % sectorCount].code, sectors[(i + 1) % sectorCount].code].filter((c, k, all) => all.indexOf(c) === k);
    return {
      index: i,
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}.${i + 1}.${options.run}@clients-mysteres.example`,
      sectors: own,
      bias: random.between(-0.06, 0.06),
      noise: random.between(0.08, 0.16),
      lateness: random.chance(0.2) ? 0.15 : 0.01,
    };
  });
  return { sectors, companies, shoppers };
}

/** A random SIREN with a valid Luhn check digit. */
export function sirenFor(random: { int(min: number, max: number): number }): string {
  const body = String(random.int(10_000_000, 99_999_999));
  for (let check = 0; check <= 9; check++) if (isValidSiren(body + check)) return body + check;
  throw new Error('unreachable: one check digit always fits');
}

/** Points a shopper gives a criterion: the company's quality seen through their bias and noise, on the criterion's scale. */
export function perceivedPoints(company: SimCompany, shopper: SimShopper, max: number, random: SeededRandom): number {
  const seen = company.quality + shopper.bias + random.normal(0, shopper.noise);
  return Math.min(max, Math.max(0, Math.round(seen * max)));
}
