import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Each area that holds data about a person says what it holds (for the export) and what it erases when the
 * person deletes their account. Areas register here; identity imports none of them.
 */
export interface PersonalDataContributor {
  /** The section of the export, e.g. "annotations". */
  readonly section: string;
  collect(userId: string): Promise<unknown>;
  /** Erases what is personal and not needed elsewhere; runs in the deletion's transaction. */
  erase?(manager: EntityManager, userId: string): Promise<void>;
}

@Injectable()
export class PersonalDataRegistry {
  private readonly contributors: PersonalDataContributor[] = [];

  register(contributor: PersonalDataContributor): void {
    this.contributors.push(contributor);
  }

  all(): readonly PersonalDataContributor[] {
    return this.contributors;
  }
}
