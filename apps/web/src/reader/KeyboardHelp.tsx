import { FormattedMessage } from 'react-intl';

const ROWS = [
  ['← →', 'reader.keys.word'],
  ['↑ ↓', 'reader.keys.sentence'],
  ['Shift + ← → ↑ ↓', 'reader.keys.extend'],
  ['Entrée / Enter', 'reader.keys.annotate'],
  ['] [', 'reader.keys.highlights'],
  ['Échap / Esc', 'reader.keys.close'],
  ['?', 'reader.keys.help'],
] as const;

/** The reader's keys, shown on demand (button or "?"): a reading cursor, annotation and highlight navigation. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <section className="keyboard-help" aria-labelledby="keyboard-help-title">
      <h2 id="keyboard-help-title">
        <FormattedMessage id="reader.keys.title" />
      </h2>
      <p>
        <FormattedMessage id="reader.keys.intro" />
      </p>
      <dl>
        {ROWS.map(([keys, message]) => (
          <div key={message}>
            <dt>
              <kbd dir="ltr">{keys}</kbd>
            </dt>
            <dd>
              <FormattedMessage id={message} />
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        <FormattedMessage id="common.close" />
      </button>
    </section>
  );
}
