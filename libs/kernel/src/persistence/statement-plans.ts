/**
 * The first words of a statement that must be planned for its values on every run. The app's pools run a hot
 * statement with parameters prepared, and PostgreSQL may then keep one generic plan for all values
 * (apps/api/src/database/prepared-statements.ts); a statement starting with this comment always runs unnamed. For the
 * statements whose best plan depends on the values themselves: search, where a frequent term and a rare one want
 * different plans (it prepares the rare one's plan itself).
 */
export const PLANNED_PER_RUN = '/* planned per run */ ';

/** Run counts are kept for at most this many not-yet-hot texts; past it they start again from zero. */
const MAX_COUNTED_TEXTS = 5_000;

/**
 * Which SQL texts run as named (prepared) statements, process-wide: a text, once it has run `hotAfterRuns` times,
 * gets a name for good (`<prefix>_<n>`: one name never stands for two texts), until `maxStatements` texts have one;
 * past that, new texts run unnamed. Every connection then parses a named text once, and PostgreSQL may keep its plan.
 * Used by the app's pools for every hot statement (apps/api/src/database/prepared-statements.ts) and by search for
 * a rare term's statement (named from its first run); their prefixes keep the two sets of names apart.
 */
export class StatementNames {
  private readonly runs = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(
    private readonly hotAfterRuns: number,
    private readonly maxStatements: number,
    private readonly prefix = 'majlis',
  ) {}

  /** The name `text` runs under, or null while it runs unnamed (not hot yet, or every name is given). */
  nameFor(text: string): string | null {
    const name = this.names.get(text);
    if (name !== undefined) return name;
    if (this.names.size >= this.maxStatements) return null;
    const runs = (this.runs.get(text) ?? 0) + 1;
    if (runs < this.hotAfterRuns) {
      if (this.runs.size >= MAX_COUNTED_TEXTS) this.runs.clear();
      this.runs.set(text, runs);
      return null;
    }
    this.runs.delete(text);
    const given = `${this.prefix}_${this.names.size + 1}`;
    this.names.set(text, given);
    return given;
  }

  /** How many texts have a name. */
  get prepared(): number {
    return this.names.size;
  }
}
