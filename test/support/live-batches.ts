import type { LiveAccess } from '@majlis/api';
import type { Actor, DomainEvent } from '@majlis/kernel';

/** One event of a batch, asking about its own people (by account name). */
export interface BatchedEvent<Account extends string> {
  readonly event: DomainEvent;
  readonly people: readonly Account[];
}

/** Who may receive each event, decided one person at a time (`LiveAccess`'s per-person check): what a batch must match. */
export async function decidedOneByOne<Account extends string>(
  access: LiveAccess,
  actor: Record<Account, Actor>,
  batch: readonly BatchedEvent<Account>[],
): Promise<Account[][]> {
  const perPerson = access as unknown as { decide(actor: Actor, event: DomainEvent): Promise<boolean> };
  const expected: Account[][] = [];
  for (const { event, people } of batch) {
    const readable = await Promise.all(people.map((account) => perPerson.decide(actor[account], event)));
    expected.push(people.filter((_, index) => readable[index]));
  }
  return expected;
}

/** Who may receive each event, the whole batch asked of `LiveAccess.readers` at once, as account names in `accounts`' order. */
export async function decidedTogether<Account extends string>(
  access: LiveAccess,
  actor: Record<Account, Actor>,
  batch: readonly BatchedEvent<Account>[],
  accounts: readonly Account[],
): Promise<Account[][]> {
  const readers = await Promise.all(
    batch.map(({ event, people }) =>
      access.readers(event, new Map(people.map((account) => [actor[account].userId, actor[account]]))),
    ),
  );
  return readers.map((set) => accounts.filter((account) => set.has(actor[account].userId)));
}
