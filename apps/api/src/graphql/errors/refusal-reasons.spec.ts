import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { CommonReason, DeadlinePassedError, refusalReasonCatalogues } from '@majlis/kernel';
import { ConsultationsReason } from '@majlis/consultations';
import { DiscussionsReason } from '@majlis/discussions';
import { DocumentsReason } from '@majlis/documents';
import { IdentityReason } from '@majlis/identity';
import { ModerationReason } from '@majlis/moderation';
import { formatError } from './format-error';

// Every area's catalogue is declared when its lib loads; these names keep the imports (and say which areas count).
const AREAS = [CommonReason, IdentityReason, DocumentsReason, DiscussionsReason, ConsultationsReason, ModerationReason];

/** The areas' catalogues by name (the order modules load in is not theirs to decide). */
const byArea = () => [...refusalReasonCatalogues()].sort((a, b) => a.area.localeCompare(b.area));

/** The README's table of refusal reasons, as it must read: one row per reason, areas by name, reasons as declared. */
function expectedTable(): string {
  const rows = byArea().flatMap(({ area, reasons }) =>
    Object.entries(reasons).map(([name, { code, meaning }]) => `| ${area} | \`${code}\` | \`${name}\` | ${meaning} |`),
  );
  return ['| area | code | reason | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('refusal reasons (extensions.reason)', () => {
  it('are declared by every area, names mapping to themselves', () => {
    expect(byArea().map((catalogue) => catalogue.area)).toEqual([
      'common',
      'consultations',
      'discussions',
      'documents',
      'identity',
      'moderation',
    ]);
    for (const area of AREAS) for (const [name, value] of Object.entries(area)) expect(value).toBe(name);
  });

  it('are unique inside an area’s code: DEADLINE_PASSED is DOCUMENT_CLOSED or CONSULTATION_CLOSED', () => {
    const deadline = refusalReasonCatalogues().flatMap(({ reasons }) =>
      Object.entries(reasons)
        .filter(([, reason]) => reason.code === 'DEADLINE_PASSED')
        .map(([name]) => name),
    );
    expect(deadline).toEqual(expect.arrayContaining(['DOCUMENT_CLOSED', 'CONSULTATION_CLOSED']));
    expect(new Set(deadline).size).toBe(deadline.length);
  });

  it('are listed in the README, exactly', () => {
    const readme = readFileSync(join(__dirname, '../../../../../README.md'), 'utf8');
    const table = readme.split('<!-- refusal-reasons -->')[1]?.split('<!-- /refusal-reasons -->')[0]?.trim();
    expect(table).toBe(expectedTable());
  });

  it('are translated by the web client in each of its languages, and nothing else is', () => {
    const declared = [...new Set(byArea().flatMap(({ reasons }) => Object.keys(reasons)))].sort();
    for (const locale of ['fr', 'ar', 'en']) {
      const file = join(__dirname, `../../../../web/src/i18n/${locale}/reasons.json`);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      expect(
        Object.keys(messages)
          .map((key) => key.replace(/^reasons\./, ''))
          .sort(),
      ).toEqual(declared);
    }
  });

  it('reach the client in extensions beside the code', () => {
    const error = new DeadlinePassedError('This document is not open for comments now.').because(
      DocumentsReason.DOCUMENT_CLOSED,
    );
    const graphql = new GraphQLError(error.message, { path: ['createAnnotation'], originalError: error });
    expect(formatError({ message: error.message, path: ['createAnnotation'] }, graphql).extensions).toEqual({
      code: 'DEADLINE_PASSED',
      reason: 'DOCUMENT_CLOSED',
    });
  });
});
