import type { Motivation } from '../graphql/generated/graphql';
import { MOTIVATION_GLYPHS } from '../reader/glyphs';

/** The five motivations in the order a person meets them in the form. */
export const MOTIVATIONS: readonly Motivation[] = ['COMMENTING', 'QUESTIONING', 'OBJECTING', 'AMENDING', 'SUPPORTING'];

/** The cue other than colour, the same glyph the reader draws on its markers. */
export const glyphOf = (motivation: Motivation): string => MOTIVATION_GLYPHS[motivation] ?? '•';
