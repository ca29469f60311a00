import { wordDiff } from '@majlis/anchoring';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';

/**
 * What an amendment changes in the passage, word by word: removed words struck through, added words underlined
 * (a cue other than colour), each announced as such to screen readers.
 */
export function WordDiff({ before, after }: { readonly before: string; readonly after: string }) {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <p className="word-diff" dir="auto">
      {parts.map((part, index) =>
        part.op === 'equal' ? (
          <span key={index}>{part.text}</span>
        ) : part.op === 'delete' ? (
          <del key={index}>
            <span className="visually-hidden">
              <FormattedMessage id="annotations.diff.removed" />{' '}
            </span>
            {part.text}
          </del>
        ) : (
          <ins key={index}>
            <span className="visually-hidden">
              <FormattedMessage id="annotations.diff.added" />{' '}
            </span>
            {part.text}
          </ins>
        ),
      )}
    </p>
  );
}
