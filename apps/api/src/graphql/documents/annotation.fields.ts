import { markdownExcerpt, renderMarkdown } from '@majlis/kernel';
import { AnchoredAnnotation, Annotation, AnnotationAnchor, annotationPreloads } from '@majlis/documents';
import { redactableRows, rowField, settled } from '../common/row-fields';
import type { GraphQLContext } from '../graphql-context';
import type { AnnotationAnchorModel, AnnotationAnswerModel, TextTargetModel } from './documents.models';

/**
 * An annotation's per-row fields as plain fields with a field middleware each (common/row-fields), for the pages of
 * 50 the reader shows. Each reads what the page read with the annotation (AnnotationService's annotationPreloads)
 * when it came in one, else the request's DataLoaders.
 */

const annotationRows = redactableRows<Annotation>((annotation, context) => {
  const preloaded = annotationPreloads.get(annotation);
  return preloaded ? preloaded.moderation : context.loaders.annotationModeration.load(annotation.id);
});

/** Its content (body, suggested text, author), or the placeholder while redacted for the reader. */
export const shownAnnotationField = annotationRows.shown;

export const annotationBodyMarkdown = shownAnnotationField((annotation) => annotation.body);
export const annotationBodyHtml = shownAnnotationField((annotation) => renderMarkdown(annotation.body));
export const annotationBodyExcerpt = shownAnnotationField((annotation) => markdownExcerpt(annotation.body, 200));
export const annotationSuggestedText = shownAnnotationField((annotation) => annotation.suggestedText);

export const annotationAuthor = shownAnnotationField((annotation, context) => {
  const preloaded = annotationPreloads.get(annotation);
  return preloaded ? preloaded.author : context.loaders.user.load(annotation.authorId);
});

/** The organisation spoken for: read with the page (where the reader may see it), else through the loader. */
export const annotationOrganization = annotationRows.organization((organizationId, annotation, context) => {
  const preloaded = annotationPreloads.get(annotation);
  return preloaded ? preloaded.organization : context.loaders.organization.load(organizationId);
});

export const annotationModerationState = annotationRows.moderationState;

export const annotationReplyCount = rowField<Annotation>(
  (annotation, context) =>
    annotationPreloads.get(annotation)?.replyCount ?? context.loaders.annotationReplyCount.load(annotation.id),
);

function endorsements(annotation: Annotation, context: GraphQLContext) {
  return annotationPreloads.get(annotation)?.endorsements ?? context.loaders.annotationEndorsements.load(annotation.id);
}

export const annotationEndorsementCount = rowField<Annotation>((annotation, context) =>
  settled(endorsements(annotation, context), (found) => found.count),
);

export const annotationViewerHasEndorsed = rowField<Annotation>((annotation, context) =>
  settled(endorsements(annotation, context), (found) => found.byViewer),
);

/** The passage as selected, on the version it was made on. */
export const annotationTarget = rowField<Annotation>(
  ({ exact, prefix, suffix, start, end, sectionKey }): TextTargetModel => ({
    exact,
    prefix,
    suffix,
    start,
    end,
    sectionKey,
  }),
);

/** Where it stands on the version it was listed for; null when read on its own. */
export const annotationListedAnchor = rowField<Annotation | AnchoredAnnotation>((annotation) =>
  'anchor' in annotation && annotation.anchor ? anchorModel(annotation.anchor) : null,
);

/** The ministry's current official answer, once given. */
export const annotationAnswer = rowField<Annotation>((annotation): AnnotationAnswerModel | null => {
  if (!annotation.disposition || !annotation.dispositionAt) return null;
  return {
    disposition: annotation.disposition as AnnotationAnswerModel['disposition'],
    rationale: annotation.dispositionRationale ?? '',
    status: annotation.status as AnnotationAnswerModel['status'],
    answeredAt: annotation.dispositionAt,
    answeredById: annotation.dispositionById ?? '',
  };
});

export function anchorModel(anchor: AnnotationAnchor): AnnotationAnchorModel {
  return {
    status: anchor.status as AnnotationAnchorModel['status'],
    score: anchor.score,
    target:
      anchor.start === null || anchor.end === null
        ? null
        : {
            exact: anchor.exact ?? '',
            prefix: anchor.prefix ?? '',
            suffix: anchor.suffix ?? '',
            start: anchor.start,
            end: anchor.end,
            sectionKey: anchor.sectionKey,
          },
  };
}
