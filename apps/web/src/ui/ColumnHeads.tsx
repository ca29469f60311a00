import { FormattedMessage } from 'react-intl';

/**
 * A data table's header row: one column header (`th scope="col"`) per message id, in order. A `false` entry is a
 * column not shown (e.g. actions the viewer may not take).
 */
export function ColumnHeads({ ids }: { ids: readonly (string | false)[] }) {
  return (
    <thead>
      <tr>
        {ids.map(
          (id) =>
            id && (
              <th scope="col" key={id}>
                <FormattedMessage id={id} />
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
