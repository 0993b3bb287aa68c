import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Config } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { type CopyField, LIMITS } from './types.js';

/** The team's voice: banned phrases, emoji rules and tone notes, from a YAML file. */
const bannedEntry = z.union([
  z.string().min(1).transform((phrase) => ({ phrase, replacement: undefined as string | undefined })),
  z.object({ phrase: z.string().min(1), replacement: z.string().optional() }).strict(),
]);

const brandVoiceSchema = z
  .object({
    banned: z.array(bannedEntry).default([]),
    emoji: z
      .object({
        headline: z.boolean().default(false),
        maxPerCaption: z.number().int().min(0).default(1),
      })
      .strict()
      .default({}),
    tone: z.array(z.string()).default([]),
    // How code names in commits appear in copy: as words ("generate code frame") or as `code`.
    identifiers: z.enum(['words', 'code']).default('words'),
    // Tighter budgets than the platforms' own; a value above a platform's limit is capped to it.
    limits: z
      .object({
        headline: z.number().int().min(20).optional(),
        x: z.number().int().min(40).optional(),
        mastodon: z.number().int().min(40).optional(),
        linkedin: z.number().int().min(40).optional(),
      })
      .strict()
      .default({}),
    allowedNames: z.array(z.string()).default([]),
  })
  .strict();

export type BrandVoice = z.infer<typeof brandVoiceSchema>;

const VOICE_LIMIT_KEY = { headline: 'headline', 'captions.x': 'x', 'captions.mastodon': 'mastodon', 'captions.linkedin': 'linkedin' } as const;

/** The budget of a field: the platform's limit, or the voice's when it is tighter. */
export function limitFor(field: CopyField, voice: Pick<BrandVoice, 'limits'> | undefined): number | undefined {
  const platform = (LIMITS as Record<string, number>)[field];
  if (platform === undefined) return undefined;
  const own = voice?.limits?.[VOICE_LIMIT_KEY[field as keyof typeof VOICE_LIMIT_KEY]];
  return own === undefined ? platform : Math.min(own, platform);
}

const DEFAULT_BRAND_VOICE_FILE = 'brand-voice.default.yaml';

/** The shipped default sits at the package root; walk up from this file (src/ or dist/src/). */
function findShippedDefault(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, DEFAULT_BRAND_VOICE_FILE);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new DeskmateError(ErrorCode.Internal, `The default brand voice file (${DEFAULT_BRAND_VOICE_FILE}) is missing from the Deskmate install; set copy.brandVoiceFile to your own file.`);
}

export function parseBrandVoice(yamlText: string, source = 'brand voice'): BrandVoice {
  let raw: unknown;
  try {
    raw = YAML.parse(yamlText) ?? {};
  } catch (err) {
    throw new DeskmateError(ErrorCode.ConfigInvalid, `Cannot read ${source}: ${(err as Error).message}. Fix the YAML.`, { cause: err });
  }
  const result = brandVoiceSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(top level)'}: ${i.message}`).join('\n');
    throw new DeskmateError(ErrorCode.ConfigInvalid, `Invalid brand voice in ${source}:\n${problems}\nSee ${DEFAULT_BRAND_VOICE_FILE} for the format.`);
  }
  return result.data;
}

/** Reads `config.copy.brandVoiceFile` (relative to cwd) or the shipped default. */
export function loadBrandVoice(config: Config, cwd: string = process.cwd()): BrandVoice {
  const configured = config.copy.brandVoiceFile;
  const file = configured ? path.resolve(cwd, configured) : findShippedDefault();
  if (!fs.existsSync(file)) {
    throw new DeskmateError(ErrorCode.ConfigInvalid, `copy.brandVoiceFile points at ${file}, which does not exist. Fix the path or remove the setting to use the default voice.`);
  }
  return parseBrandVoice(fs.readFileSync(file, 'utf8'), file);
}
