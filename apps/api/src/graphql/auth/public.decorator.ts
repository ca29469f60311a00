import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'majlis:isPublic';

/** Marks an operation that anonymous callers may use. Every other resolver and route requires sign-in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
