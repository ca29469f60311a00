import { z } from 'zod';
import { multiLineText, singleLineText } from '@majlis/kernel';
import { ORGANIZATION_KINDS } from './organization.entity';

const ice = z
  .string()
  .trim()
  .regex(/^[0-9]{15}$/, 'must be exactly 15 digits (Identifiant Commun de l’Entreprise)');

const optionalText = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    schema.nullable().optional(),
  );

export const createOrganizationInput = z
  .object({
    kind: z.enum(ORGANIZATION_KINDS),
    name: singleLineText(200),
    acronym: optionalText(singleLineText(30)),
    ice: optionalText(ice),
    description: optionalText(multiLineText(2000)),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'COMPANY' && !value.ice) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ice'], message: 'is required for a company' });
    }
    if (value.kind !== 'COMPANY' && value.ice) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ice'], message: 'only companies carry an ICE' });
    }
  });
export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;

export const updateOrganizationInput = z.object({
  version: z.number().int().min(1, 'must be the version you last read'),
  name: singleLineText(200).optional(),
  acronym: optionalText(singleLineText(30)),
  description: optionalText(multiLineText(2000)),
});
export type UpdateOrganizationInput = z.input<typeof updateOrganizationInput>;

export const listOrganizationsInput = z.object({
  kind: z.enum(ORGANIZATION_KINDS).nullable().optional(),
  search: z.string().trim().max(100, 'must be at most 100 characters').nullable().optional(),
  verified: z.boolean().nullable().optional(),
});
export type ListOrganizationsInput = z.input<typeof listOrganizationsInput>;
