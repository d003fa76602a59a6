import { z } from 'zod';
import { isoDateSchema } from './provider.ts';
import { sourceRefSchema } from './source-ref.ts';
import { MEDICATION_KEYS, SERVICE_KEYS } from './taxonomy.ts';

/**
 * What a text's facts rest on. The original (the deployment's first locale) lists its sources
 * and every translation shows the same ones, so a source is written once; a translation's
 * `checked` says which checked original it carries, and a test fails when it is behind.
 */
const factCheck = {
  /** When the facts in this text were last checked against its sources. */
  checked: isoDateSchema,
  /** The public sources the text's facts rest on; required in the original, not in translations. */
  sources: z.array(sourceRefSchema).min(1).optional(),
};

/** Front matter of a path to recovery (`content/<deployment>/paths/<locale>/<slug>.md`). */
export const pathSchema = z
  .object({
    /** The path's name as a person would say it ("Methadone"). */
    title: z.string().trim().min(1),
    /** One plain sentence shown in lists and as the page description. */
    summary: z.string().trim().min(1).max(200),
    /** Position in the paths index; lower comes first. */
    order: z.number().int().min(0),
    /** Services the finder filters on when a person follows "find a place". */
    services: z.array(z.enum(SERVICE_KEYS)).min(1),
    /** Medications the finder also filters on (methadone path → methadone). */
    medications: z.array(z.enum(MEDICATION_KEYS)).default([]),
    /** One short line per question, for the page that compares every path side by side. */
    compare: z
      .object({
        /** Where it happens ("A licensed clinic, daily at first"). */
        setting: z.string().trim().min(1).max(140),
        /** How much time it asks ("Months to years"). */
        time: z.string().trim().min(1).max(140),
        /** Whether it involves medication, and which. */
        medication: z.string().trim().min(1).max(140),
        /** What it costs and how insurance works. */
        cost: z.string().trim().min(1).max(140),
        /** The first step. */
        start: z.string().trim().min(1).max(140),
        /** How soon a person can usually begin. */
        soonest: z.string().trim().min(1).max(140),
      })
      .strict()
      .optional(),
    /** Whether a person has reviewed this text in this language. */
    reviewed: z.boolean().default(false),
    ...factCheck,
  })
  .strict();

/** Front matter of an information page (`content/<deployment>/pages/<locale>/<slug>.md`). */
export const pageSchema = z
  .object({
    title: z.string().trim().min(1),
    /** One sentence for search engines and link previews. */
    summary: z.string().trim().min(1).max(200),
    reviewed: z.boolean().default(false),
    ...factCheck,
  })
  .strict();

export type PathData = z.output<typeof pathSchema>;
export type PageData = z.output<typeof pageSchema>;
