/** Each motivation's cue that is not colour: a glyph on its marker (and a line style under its highlight). */
export const MOTIVATION_GLYPHS: Record<string, string> = {
  COMMENTING: '✱',
  QUESTIONING: '?',
  OBJECTING: '!',
  AMENDING: '✎',
  SUPPORTING: '+',
};
