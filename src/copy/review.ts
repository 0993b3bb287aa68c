import type { Config } from '../config.js';
import { type BrandVoice, loadBrandVoice } from './brand-voice.js';
import { buildInventory } from './facts.js';
import { checkCopy } from './guards.js';
import { cleanCommitMessage } from './message.js';
import type { CopyText, Violation } from './types.js';

export interface ReviewOptions {
  config: Config;
  productName?: string;
  voice?: BrandVoice;
  cwd?: string;
}

/**
 * The guards over copy a person edited, against the commits it was drafted from. Nothing is
 * rewritten: a human's words are theirs to fix, so every finding comes back unfixed.
 */
export function reviewEditedCopy(copy: CopyText, messages: string[], options: ReviewOptions): Violation[] {
  const productName = options.productName ?? options.config.copy.productName;
  const voice = options.voice ?? loadBrandVoice(options.config, options.cwd);
  const inputs = messages.map((m) => cleanCommitMessage(m.trim())).filter(Boolean);
  const inventory = buildInventory(inputs, [...(productName ? [productName] : []), ...voice.allowedNames]);
  // An emptied caption is the person's choice not to publish that variant, not a fault.
  return checkCopy(copy, { voice, inventory })
    .filter((v) => !(v.field.startsWith('captions.') && v.detail === 'empty'))
    .map((v) => ({ ...v, fixed: false }));
}
