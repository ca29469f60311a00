import { Actor } from '@majlis/kernel';
import { AnnotationPolicy } from './annotation.policy';

const actors: Record<string, Actor> = {
  admin: { userId: 'u-admin', platformRole: 'ADMIN', memberships: [] },
  moderator: { userId: 'u-mod', platformRole: 'MODERATOR', memberships: [] },
  author: { userId: 'u-author', platformRole: 'MEMBER', memberships: [{ organizationId: 'fmo', role: 'MEMBER' }] },
  colleague: {
    userId: 'u-colleague',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'fmo', role: 'MEMBER' }],
  },
  representative: {
    userId: 'u-rep',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'fmo', role: 'REPRESENTATIVE' }],
  },
  outsider: {
    userId: 'u-out',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'atlas', role: 'REPRESENTATIVE' }],
  },
  unaffiliated: { userId: 'u-none', platformRole: 'MEMBER', memberships: [] },
};

type Visibility = 'PUBLIC' | 'ORGANIZATION';
type State = 'LIVE' | 'DELETED';
const annotation = (visibility: Visibility, state: State) => ({
  visibility,
  authorId: 'u-author',
  audienceOrganizationId: visibility === 'ORGANIZATION' ? 'fmo' : null,
  deletedAt: state === 'DELETED' ? new Date() : null,
});

interface Allowed {
  see: boolean;
  edit: boolean;
  answer: boolean;
  history: boolean;
  speakForFmo: boolean;
  reply: boolean;
  exported: boolean;
}
const row = (see: boolean, edit: boolean, answer: boolean, history: boolean, speakForFmo: boolean): Allowed => ({
  see,
  edit,
  answer,
  history,
  speakForFmo,
  reply: false,
  exported: false,
});

/** role × annotation visibility × state → allowed (reply/exported depend on the annotation only, filled below). */
const MATRIX: [string, Visibility, State, Allowed][] = [];
const BY_ROLE: Record<string, Record<Visibility, Omit<Allowed, 'reply' | 'exported'>>> = {
  admin: { PUBLIC: row(true, false, true, true, false), ORGANIZATION: row(true, false, true, true, false) },
  moderator: { PUBLIC: row(true, false, true, true, false), ORGANIZATION: row(true, false, true, true, false) },
  author: { PUBLIC: row(true, true, false, true, false), ORGANIZATION: row(true, true, false, true, false) },
  colleague: { PUBLIC: row(true, false, false, false, false), ORGANIZATION: row(true, false, false, false, false) },
  representative: { PUBLIC: row(true, false, false, false, true), ORGANIZATION: row(true, false, false, false, true) },
  outsider: { PUBLIC: row(true, false, false, false, false), ORGANIZATION: row(false, false, false, false, false) },
  unaffiliated: { PUBLIC: row(true, false, false, false, false), ORGANIZATION: row(false, false, false, false, false) },
};
for (const [role, byVisibility] of Object.entries(BY_ROLE)) {
  for (const visibility of ['PUBLIC', 'ORGANIZATION'] as const) {
    for (const state of ['LIVE', 'DELETED'] as const) {
      const base = byVisibility[visibility];
      MATRIX.push([
        role,
        visibility,
        state,
        {
          ...base,
          edit: base.edit && state === 'LIVE',
          reply: state === 'LIVE',
          exported: visibility === 'PUBLIC' && state === 'LIVE',
        },
      ]);
    }
  }
}

describe('AnnotationPolicy', () => {
  it.each(MATRIX)('%s on a %s annotation (%s)', (role, visibility, state, expected) => {
    const actor = actors[role];
    const subject = annotation(visibility, state);
    expect({
      see: AnnotationPolicy.canSee(actor, subject),
      edit: AnnotationPolicy.canEdit(actor, subject),
      answer: AnnotationPolicy.canAnswer(actor),
      history: AnnotationPolicy.canReadHistory(actor, subject),
      speakForFmo: AnnotationPolicy.canSpeakFor(actor, 'fmo'),
      reply: AnnotationPolicy.takesReplies(subject),
      exported: AnnotationPolicy.isExported(subject),
    }).toEqual(expected);
  });

  it('writes the SQL twin of canSee with the viewer and their organisations as parameters', () => {
    expect(AnnotationPolicy.visibleSql(actors['moderator'], 'a')).toEqual({ sql: 'TRUE', params: {} });
    expect(AnnotationPolicy.visibleSql(actors['author'], 'a')).toEqual({
      sql: `(a.visibility = 'PUBLIC' OR a.author_id = :annotationViewer OR a.audience_organization_id IN (:...annotationViewerOrganizations))`,
      params: { annotationViewer: 'u-author', annotationViewerOrganizations: ['fmo'] },
    });
    expect(AnnotationPolicy.visibleSql(actors['unaffiliated'], 'a').sql).toBe(
      `(a.visibility = 'PUBLIC' OR a.author_id = :annotationViewer)`,
    );
  });
});
