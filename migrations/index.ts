import { CreateIdentity1795686000000 } from './1795686000000-CreateIdentity';

/** Every migration, oldest first. Listed explicitly so the bundled app and the tests run the same set. */
export const MIGRATIONS = [CreateIdentity1795686000000];
