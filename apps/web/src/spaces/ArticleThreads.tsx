import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { CitingThreadsDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { FollowButton } from '../notifications/FollowButton';

export interface ArticleThreadsProps {
  readonly documentId: string;
  readonly versionNumber: number;
  readonly sections: readonly { readonly key: string; readonly heading: string }[];
  /** The article to propose first (the one in the address, e.g. from a thread's citation). */
  readonly initialArticle?: string | null;
}

/**
 * In the reader: the threads that cite this document's articles (in the spaces one reads), by article, and
 * "discuss an article in a space", which opens the new-thread form with the article cited, and following that
 * article (what is annotated or discussed on it).
 */
export function ArticleThreads({ documentId, versionNumber, sections, initialArticle }: ArticleThreadsProps) {
  const intl = useIntl();
  const id = useId();
  const { data, error } = useQuery(CitingThreadsDocument, { variables: { documentId } });
  const [article, setArticle] = useState(
    sections.some((section) => section.key === initialArticle) ? initialArticle! : (sections[0]?.key ?? ''),
  );
  const threads = data?.citingThreads.edges.map(({ node }) => node) ?? [];
  const cited = sections.filter((section) => threads.some((thread) => thread.citation?.sectionKey === section.key));
  const discuss = `/spaces/new-thread?${new URLSearchParams({ document: documentId, version: String(versionNumber), article }).toString()}`;

  return (
    <section className="article-threads" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="spaces.reader.title" />
      </h2>
      {error && <ErrorMessage error={error} />}
      {data && cited.length === 0 && (
        <p className="hint">
          <FormattedMessage id="spaces.reader.none" />
        </p>
      )}
      {cited.map((section) => (
        <div key={section.key} className="article-thread-group">
          <h3>
            <a href={`#${section.key}`}>
              <bdi>{section.heading}</bdi>
            </a>
          </h3>
          <ul>
            {threads
              .filter((thread) => thread.citation?.sectionKey === section.key)
              .map((thread) => (
                <li key={thread.id}>
                  <Link to={`/threads/${thread.id}`}>
                    <bdi>{thread.title ?? intl.formatMessage({ id: 'spaces.thread.hidden' })}</bdi>
                  </Link>{' '}
                  <span className="hint">
                    (<bdi>{thread.space.name}</bdi> ·{' '}
                    <FormattedMessage id="spaces.thread.replies" values={{ count: thread.replyCount }} />)
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
      {sections.length > 0 && (
        <div className="discuss">
          <label htmlFor={`${id}-article`}>
            <FormattedMessage id="spaces.reader.article" />
          </label>
          <select id={`${id}-article`} value={article} onChange={(event) => setArticle(event.target.value)}>
            {sections.map((section) => (
              <option key={section.key} value={section.key}>
                {section.heading}
              </option>
            ))}
          </select>
          <Link className="button" to={discuss}>
            <FormattedMessage id="spaces.reader.discuss" />
          </Link>
          {article && (
            <FollowButton
              subjectType="ARTICLE"
              subjectId={`${documentId}:${article}`}
              labelId="notifications.follow.article"
            />
          )}
        </div>
      )}
    </section>
  );
}
