import { useMutation, useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  SetSpaceNotificationLevelDocument,
  SpaceNotificationLevelDocument,
  type SpaceNotificationLevel as Level,
} from '../graphql/generated/graphql';
import { announce } from '../annotations/announce';
import { ErrorMessage } from '../ui/ErrorMessage';
import { RadioChoices } from '../ui/RadioChoices';
import { useSession } from '../app/session';

const LEVELS: readonly Level[] = ['WATCHING', 'NORMAL', 'MUTED'];

/**
 * How much the person hears of a space: every new thread and reply (WATCHING), what they follow (NORMAL, the
 * default) or only what always notifies — mentions, replies to them, answers to their annotations, moderation of
 * their content (MUTED). Folded under a summary that says the current level; radio buttons (arrow keys move and
 * choose), each choice saved at once and announced. A refusal is said in place, and the choice shown goes back to
 * what the server holds. Signed in only.
 */
export function SpaceNotificationLevel({ spaceId }: { spaceId: string }) {
  const intl = useIntl();
  const id = useId();
  const variables = { spaceId };
  const { viewer } = useSession();
  const { data } = useQuery(SpaceNotificationLevelDocument, { variables, skip: !viewer });
  const [save, saving] = useMutation(SetSpaceNotificationLevelDocument, {
    update: (cache, { data: saved }) => {
      if (saved)
        cache.writeQuery({
          query: SpaceNotificationLevelDocument,
          variables,
          data: { spaceNotificationLevel: saved.setSpaceNotificationLevel.level },
        });
    },
  });
  if (!data) return null;
  const current = data.spaceNotificationLevel;
  const levelName = (level: Level) => intl.formatMessage({ id: `notifications.level.${level}` });
  const choose = async (level: Level) => {
    try {
      await save({
        variables: { input: { spaceId, level } },
        optimisticResponse: {
          setSpaceNotificationLevel: { spaceId, level },
        },
      });
    } catch {
      return; // said by the ErrorMessage below
    }
    announce(intl.formatMessage({ id: 'notifications.level.saved' }, { level: levelName(level) }));
  };
  return (
    <details className="space-notifications">
      <summary>
        <FormattedMessage id="notifications.level.summary" values={{ level: levelName(current) }} />
      </summary>
      <fieldset>
        <legend>
          <FormattedMessage id="notifications.level.legend" />
        </legend>
        <RadioChoices
          name={`${id}-level`}
          choices={LEVELS}
          value={current}
          onChange={(level) => void choose(level)}
          messagePrefix="notifications.level"
        />
      </fieldset>
      {saving.error && <ErrorMessage error={saving.error} />}
    </details>
  );
}
