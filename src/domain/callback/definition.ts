import type {
  Open311Attribute,
  Open311Service,
  Open311ServiceDefinition,
} from '../open311/types.ts';
import type { WeeklyInterval } from '../weekly-hours.ts';
import { deriveBestTimes, type BestTimeChoice, type BestTimeOptions } from './best-time.ts';

/**
 * The callback service as an Open311 service definition, built from the deployment alone so
 * that the form (at build time) and the intake server (at start) describe the same service.
 */

/** Attribute codes. Stable: the form, the server and the city's CRM all key on them. */
export const ATTRIBUTE_CODES = [
  'for',
  'phone_owner',
  'voicemail_ok',
  'text_ok',
  'best_time',
  'language',
  'paths',
  'area',
  'provider',
  'notes',
  'consent',
] as const;
export type AttributeCode = (typeof ATTRIBUTE_CODES)[number];

export const FOR_VALUES = ['me', 'someone-else'] as const;
export type ForWhom = (typeof FOR_VALUES)[number];
/**
 * Whose number a request for someone else gives: `mine`, the person asking, who will pass the
 * help on (a mother asking about her son); `theirs`, the person the help is for, who will
 * answer the call. The specialist has to know before dialling who will pick up.
 */
export const PHONE_OWNER_VALUES = ['mine', 'theirs'] as const;
export type PhoneOwner = (typeof PHONE_OWNER_VALUES)[number];
export const YES_NO = ['yes', 'no'] as const;
/** The paths value for "I don't know which path yet". */
export const PATH_NOT_SURE = 'not-sure';
/** The language value for a language the site is not published in. */
export const LANGUAGE_OTHER = 'other';
export const NOTES_MAX_LENGTH = 1000;
export const FIRST_NAME_MAX_LENGTH = 100;
export const AREA_MAX_LENGTH = 60;
export const PROVIDER_MAX_LENGTH = 100;

/** What the callback service needs to know about a deployment. All of it is public. */
export interface CallbackSettings {
  /** `intake.service_code` from site.yaml. */
  serviceCode: string;
  /** ISO 3166-1 alpha-2: phone numbers are read as this country's unless they start with +. */
  country: string;
  /** IANA time zone of the specialists' hours. */
  timeZone: string;
  /** Published site locales, in menu order. */
  locales: readonly string[];
  /** Path slugs a person can ask about, in editorial order. */
  paths: readonly string[];
  /** English path titles by slug, for the Open311 value names; the slug is used otherwise. */
  pathTitles?: Readonly<Record<string, string>>;
  /** When specialists call back, as `toWeeklyIntervals(site.specialists.hours)`. */
  specialistsWeek: readonly WeeklyInterval[];
  /** The specialists' programme name ("PAATHS"), for the service description. */
  specialistsName?: string;
  /** Neighbourhood slug → name: accepted as an `area` besides a postal code. */
  neighbourhoods?: Readonly<Record<string, string>>;
  /** The deployment's postal-code pattern (site.yaml `postal_code`); its first group is kept. */
  postalCode?: string;
  bestTimeOptions?: BestTimeOptions;
}

/** The subset of the site settings (src/schemas/site.ts) the callback service reads. */
export interface CallbackSite {
  country: string;
  time_zone: string;
  locales: readonly string[];
  intake: { service_code: string };
  specialists: { name: string };
  neighbourhoods: Readonly<Record<string, { name: string }>>;
  postal_code?: string | undefined;
}

/** Everything the form and the server need: the Open311 service, its definition, the choices. */
export interface CallbackDefinition {
  settings: CallbackSettings;
  service: Open311Service;
  definition: Open311ServiceDefinition;
  bestTimes: BestTimeChoice[];
}

/** Settings from the parsed site.yaml, the path slugs and the specialists' weekly hours. */
export function callbackSettingsFromSite(
  site: CallbackSite,
  paths: readonly string[],
  specialistsWeek: readonly WeeklyInterval[],
  pathTitles?: Readonly<Record<string, string>>,
): CallbackSettings {
  const settings: CallbackSettings = {
    serviceCode: site.intake.service_code,
    country: site.country,
    timeZone: site.time_zone,
    locales: site.locales,
    paths,
    specialistsWeek,
    specialistsName: site.specialists.name,
    neighbourhoods: Object.fromEntries(
      Object.entries(site.neighbourhoods).map(([slug, { name }]) => [slug, name]),
    ),
  };
  if (pathTitles) settings.pathTitles = pathTitles;
  if (site.postal_code) settings.postalCode = site.postal_code;
  return settings;
}

/** "Spanish" for `es`, in English, where the runtime knows the name. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "harm-reduction" → "Harm reduction", for paths without a title. */
function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const yesNo = [
  { key: 'yes', name: 'Yes' },
  { key: 'no', name: 'No' },
];

type AttributeInput = Omit<Open311Attribute, 'order' | 'variable' | 'datatype_description'> & {
  datatype_description?: string;
};

function attributes(settings: CallbackSettings, bestTimes: BestTimeChoice[]): Open311Attribute[] {
  const list: AttributeInput[] = [
    {
      code: 'for',
      datatype: 'singlevaluelist',
      required: true,
      description: 'Who is the callback for?',
      values: [
        { key: 'me', name: 'Me' },
        { key: 'someone-else', name: 'Someone else' },
      ],
    },
    {
      code: 'phone_owner',
      datatype: 'singlevaluelist',
      required: false,
      description: 'Whose phone number is this: who will answer the call?',
      datatype_description:
        'Required when the callback is for someone else: "mine" is the person asking, who will pass the help on; "theirs" is the person the help is for. Absent when the callback is for the person asking.',
      values: [
        { key: 'mine', name: 'The person asking, who will pass it on' },
        { key: 'theirs', name: 'The person the help is for' },
      ],
    },
    {
      code: 'voicemail_ok',
      datatype: 'singlevaluelist',
      required: true,
      description: 'Is it safe to leave a voicemail on this phone?',
      values: yesNo,
    },
    {
      code: 'text_ok',
      datatype: 'singlevaluelist',
      required: true,
      description: 'Is it safe to send a text message to this phone?',
      values: yesNo,
    },
    {
      code: 'best_time',
      datatype: 'singlevaluelist',
      required: false,
      description: 'When is the best time to call?',
      datatype_description: 'Within the specialists’ hours. Not given means any time.',
      values: bestTimes.map(({ key, name }) => ({ key, name })),
    },
    {
      code: 'language',
      datatype: 'singlevaluelist',
      required: false,
      description: 'Which language should the specialist speak?',
      values: [
        ...settings.locales.map((key) => ({ key, name: languageName(key) })),
        { key: 'other', name: 'Another language' },
      ],
    },
    {
      code: 'paths',
      datatype: 'multivaluelist',
      required: false,
      description: 'What would you like to talk about?',
      values: [
        ...settings.paths.map((key) => ({
          key,
          name: settings.pathTitles?.[key] ?? titleFromSlug(key),
        })),
        { key: PATH_NOT_SURE, name: 'Not sure yet' },
      ],
    },
    {
      code: 'area',
      datatype: 'string',
      required: false,
      description: 'Postal code or neighbourhood, to suggest places nearby.',
      datatype_description: `A postal code or a neighbourhood; never a street address. At most ${AREA_MAX_LENGTH} characters.`,
    },
    {
      code: 'provider',
      datatype: 'string',
      required: false,
      description: 'The place the request is about, if any.',
      datatype_description: 'A provider id from the finder, such as boston-paaths.',
    },
    {
      code: 'notes',
      datatype: 'text',
      required: false,
      description: 'Anything the specialist should know before calling.',
      datatype_description: `At most ${NOTES_MAX_LENGTH} characters.`,
    },
    {
      code: 'consent',
      datatype: 'singlevaluelist',
      required: false,
      description: 'They know about this request and agree to be called.',
      datatype_description:
        'Required when the callback is for someone else and the number is theirs: nobody is called about their drug use without agreeing to it.',
      values: [{ key: 'yes', name: 'Yes' }],
    },
  ];
  // Keys in the standard's order, which is how people read the JSON.
  return list.map(({ code, datatype, required, datatype_description, description, values }, i) => {
    const attribute: Open311Attribute = {
      variable: true,
      code,
      datatype,
      required,
      datatype_description: datatype_description ?? null,
      order: i + 1,
      description,
    };
    if (values) attribute.values = values;
    return attribute;
  });
}

/** Builds the callback service, its Open311 definition and the best-time choices. */
export function buildCallbackDefinition(settings: CallbackSettings): CallbackDefinition {
  const bestTimes = deriveBestTimes(settings.specialistsWeek, settings.bestTimeOptions);
  const who = settings.specialistsName ? `A ${settings.specialistsName}` : 'A';
  return {
    settings,
    bestTimes,
    service: {
      service_code: settings.serviceCode,
      service_name: 'Recovery services callback',
      description: `${who} recovery specialist calls back about help with drugs or alcohol.`,
      metadata: true,
      type: 'realtime',
      keywords: 'recovery, addiction, substance use, callback',
      group: 'Health',
    },
    definition: {
      service_code: settings.serviceCode,
      attributes: attributes(settings, bestTimes),
    },
  };
}
