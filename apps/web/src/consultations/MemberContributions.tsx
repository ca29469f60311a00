import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../annotations/announce';
import {
  FederationMemberContributionsDocument,
  type FederationMemberContributionsQuery,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import { type AnswerMap, type AnswerValue, type Question, answerMapOf, answerText, isAnswered } from './answers';
import { ColumnHeads } from '../ui/ColumnHeads';
import { BusyButton } from '../ui/BusyButton';

type Node = FederationMemberContributionsQuery['federationMemberContributions']['edges'][number]['node'];

/** A member company's submitted contribution, as the comparison shows it. */
export interface MemberSide {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly consent: string;
  readonly submittedAt: string;
  readonly answers: AnswerMap;
}

const PAGE = 50;

export const memberSideOf = (node: Node, unnamed: string): MemberSide => ({
  id: node.id,
  name: node.organization?.name ?? unnamed,
  status: node.status,
  consent: node.consent,
  submittedAt: node.submittedAt,
  answers: answerMapOf(node.answers),
});

/**
 * For a federation writing its position: what its member companies submitted (never their drafts, never anything
 * confidential: the API decides), question by question beside the federation's own draft, with a way to take a
 * member's answer into the draft or, for a text, to quote it. Taking goes through the editor's autosave.
 */
export function MemberContributions({
  consultationId,
  federationId,
  questions,
  draft,
  onTake,
  disabled,
}: {
  consultationId: string;
  federationId: string;
  questions: readonly Question[];
  draft: AnswerMap;
  onTake: (questionId: string, value: AnswerValue) => void;
  disabled: boolean;
}) {
  const intl = useIntl();
  const { data, loading, error, refetch, fetchMore } = useQuery(FederationMemberContributionsDocument, {
    variables: { consultationId, federationId, first: PAGE },
  });
  const connection = data?.federationMemberContributions;
  const unnamed = intl.formatMessage({ id: 'consultations.members.unnamed' });
  const members = (connection?.edges ?? []).map(({ node }) => memberSideOf(node, unnamed));
  return (
    <section className="member-contributions" aria-labelledby="member-contributions-title">
      <h3 id="member-contributions-title">
        <FormattedMessage id="consultations.members.title" />
      </h3>
      <p className="hint">
        <FormattedMessage id="consultations.members.hint" />
      </p>
      {loading && !data ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : members.length === 0 ? (
        <Empty>
          <FormattedMessage id="consultations.members.none" />
        </Empty>
      ) : (
        <>
          <p>
            <FormattedMessage id="consultations.members.count" values={{ count: connection?.totalCount ?? 0 }} />
          </p>
          <MemberAnswersTables
            questions={questions}
            draft={draft}
            members={members}
            onTake={onTake}
            disabled={disabled}
          />
          {connection?.pageInfo.hasNextPage && (
            <BusyButton
              type="button"
              busy={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: connection.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    federationMemberContributions: {
                      ...fetchMoreResult.federationMemberContributions,
                      edges: [
                        ...previous.federationMemberContributions.edges,
                        ...fetchMoreResult.federationMemberContributions.edges,
                      ],
                    },
                  }),
                })
              }
            >
              <FormattedMessage id="consultations.members.more" />
            </BusyButton>
          )}
        </>
      )}
    </section>
  );
}

/**
 * One table per question: the federation's draft answer first, then each member's submitted answer, with "take" (it
 * replaces the draft's answer) and, for a text, "quote" (appended to the draft with the member's name). Tables carry
 * the question as caption and name their rows and columns, so a screen reader reads "Atlas, answer: …".
 */
export function MemberAnswersTables({
  questions,
  draft,
  members,
  onTake,
  disabled,
}: {
  questions: readonly Question[];
  draft: AnswerMap;
  members: readonly MemberSide[];
  onTake: (questionId: string, value: AnswerValue) => void;
  disabled: boolean;
}) {
  const intl = useIntl();
  const ordered = [...questions].sort((a, b) => a.position - b.position);

  function take(question: Question, member: MemberSide, quote: boolean) {
    const theirs = member.answers[question.id];
    if (!theirs) return;
    if (quote) {
      const current = draft[question.id]?.text?.trim() ?? '';
      const quoted = `${(theirs.text ?? '')
        .trim()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}\n> — ${member.name}`;
      onTake(question.id, { text: current ? `${current}\n\n${quoted}` : quoted });
    } else onTake(question.id, theirs);
    announce(
      intl.formatMessage(
        { id: quote ? 'consultations.members.quoted' : 'consultations.members.taken' },
        { organization: member.name, number: question.position },
      ),
    );
  }

  return (
    <div className="member-answers">
      {ordered.map((question) => (
        <div className="table-scroll" key={question.id}>
          <table className="member-answers-table">
            <caption>
              <FormattedMessage
                id="consultations.members.caption"
                values={{ number: question.position, prompt: <bdi>{question.prompt}</bdi> }}
              />
            </caption>
            <colgroup>
              <col className="who" />
              <col />
              <col className="take" />
            </colgroup>
            <ColumnHeads
              ids={['consultations.members.who', 'consultations.members.answer', 'consultations.members.actions']}
            />
            <tbody>
              <tr className="federation-draft">
                <th scope="row">
                  <FormattedMessage id="consultations.members.ourDraft" />
                </th>
                <td dir="auto" className="answer-cell">
                  {isAnswered(draft[question.id]) ? (
                    answerText(draft[question.id])
                  ) : (
                    <span className="hint">
                      <FormattedMessage id="consultations.members.noAnswer" />
                    </span>
                  )}
                </td>
                <td />
              </tr>
              {members.map((member) => {
                const theirs = member.answers[question.id];
                const answered = isAnswered(theirs);
                const same = answered && answerText(theirs) === answerText(draft[question.id]);
                return (
                  <tr key={member.id}>
                    <th scope="row">
                      <bdi>{member.name}</bdi>
                      <span className="member-meta">
                        <FormattedMessage
                          id="consultations.members.submittedAt"
                          values={{
                            at: (
                              <time dateTime={member.submittedAt}>
                                {intl.formatDate(member.submittedAt, { dateStyle: 'medium' })}
                              </time>
                            ),
                          }}
                        />
                        {member.status === 'CHANGED_SINCE_SUBMITTED' && (
                          <>
                            {' · '}
                            <FormattedMessage id="consultations.members.changedSince" />
                          </>
                        )}
                      </span>
                    </th>
                    <td dir="auto" className="answer-cell">
                      {answered ? (
                        answerText(theirs)
                      ) : (
                        <span className="hint">
                          <FormattedMessage id="consultations.members.noAnswer" />
                        </span>
                      )}
                    </td>
                    <td className="member-actions">
                      {answered && same && (
                        <span className="hint">
                          <FormattedMessage id="consultations.members.same" />
                        </span>
                      )}
                      {answered && !same && (
                        <button
                          type="button"
                          disabled={disabled}
                          onClick={() => take(question, member, false)}
                          aria-label={intl.formatMessage(
                            { id: 'consultations.members.takeLabel' },
                            { organization: member.name, number: question.position },
                          )}
                        >
                          <FormattedMessage id="consultations.members.take" />
                        </button>
                      )}
                      {answered && question.kind === 'TEXT' && (
                        <button
                          type="button"
                          disabled={disabled}
                          onClick={() => take(question, member, true)}
                          aria-label={intl.formatMessage(
                            { id: 'consultations.members.quoteLabel' },
                            { organization: member.name, number: question.position },
                          )}
                        >
                          <FormattedMessage id="consultations.members.quote" />
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
