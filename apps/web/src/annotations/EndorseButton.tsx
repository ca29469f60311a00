import { useMutation } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { EndorseDocument, WithdrawEndorsementDocument, type EndorsableType } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';

export interface EndorseButtonProps {
  readonly subjectType: EndorsableType;
  readonly id: string;
  readonly count: number;
  readonly endorsed: boolean;
  /** False for one's own content, when signed out, or for deleted content: the count alone is shown. */
  readonly canEndorse: boolean;
}

const TYPENAMES: Record<EndorsableType, string> = { ANNOTATION: 'Annotation', COMMENT: 'Comment' };

/** Endorse or withdraw (a toggle with aria-pressed), with the count; the cache entry is updated in place. */
export function EndorseButton({ subjectType, id, count, endorsed, canEndorse }: EndorseButtonProps) {
  const intl = useIntl();
  const options = {
    update(
      cache: import('@apollo/client').ApolloCache,
      result: { data?: Record<string, { endorsementCount: number; viewerHasEndorsed: boolean }> | null },
    ) {
      const payload = result.data && Object.values(result.data)[0];
      if (!payload) return;
      cache.modify({
        id: cache.identify({ __typename: TYPENAMES[subjectType], id }),
        fields: {
          endorsementCount: () => payload.endorsementCount,
          viewerHasEndorsed: () => payload.viewerHasEndorsed,
        },
      });
    },
  };
  const [endorse, endorsing] = useMutation(EndorseDocument, options);
  const [withdraw, withdrawing] = useMutation(WithdrawEndorsementDocument, options);
  const label = intl.formatMessage({ id: 'annotations.endorse.count' }, { count });
  if (!canEndorse) return <span className="endorsements">{label}</span>;
  const error = endorsing.error ?? withdrawing.error;
  const variables = { input: { id, subjectType } };
  return (
    <>
      <button
        type="button"
        className="endorse"
        aria-pressed={endorsed}
        disabled={endorsing.loading || withdrawing.loading}
        onClick={() => void (endorsed ? withdraw({ variables }) : endorse({ variables })).catch(() => undefined)}
      >
        <span aria-hidden="true">{endorsed ? '★' : '☆'}</span> <FormattedMessage id="annotations.endorse.action" />
        <span className="count"> · {label}</span>
      </button>
      {error && <ErrorMessage error={error} />}
    </>
  );
}
