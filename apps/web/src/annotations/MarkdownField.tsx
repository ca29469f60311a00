import { useEffect, useId, useState, type Ref } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

export interface MarkdownFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A message under the field; the field is then aria-invalid and described by it. */
  readonly error?: string | null;
  readonly rows?: number;
  readonly textareaRef?: Ref<HTMLTextAreaElement>;
  readonly maxLength?: number;
}

/** A Markdown text area with a preview rendered on demand (the renderer is a lazily loaded chunk). */
export function MarkdownField({ label, value, onChange, error, rows = 5, textareaRef, maxLength }: MarkdownFieldProps) {
  const intl = useIntl();
  const id = useId();
  const [previewing, setPreviewing] = useState(false);
  const html = useMarkdownPreview(previewing ? value : null);
  return (
    <div className="field markdown-field">
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        ref={textareaRef}
        value={value}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        dir="auto"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={submitOnControlEnter}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <button
        type="button"
        className="link preview-toggle"
        aria-pressed={previewing}
        aria-controls={previewing ? `${id}-preview` : undefined}
        onClick={() => setPreviewing((on) => !on)}
      >
        <FormattedMessage id="annotations.markdown.preview" />
      </button>
      {previewing && (
        <section
          id={`${id}-preview`}
          className="markdown-preview"
          aria-label={intl.formatMessage({ id: 'annotations.markdown.previewLabel' })}
        >
          {value.trim() === '' ? (
            <p className="hint">
              <FormattedMessage id="annotations.markdown.empty" />
            </p>
          ) : html === null ? (
            <p className="hint">
              <FormattedMessage id="common.loading" />
            </p>
          ) : (
            <div className="body" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />
          )}
        </section>
      )}
    </div>
  );
}

/** Safe HTML for `source` (null while the renderer loads, or when there is nothing to preview). */
function useMarkdownPreview(source: string | null): string | null {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    if (source === null) return;
    let current = true;
    void import('./markdown-render').then(({ renderMarkdown }) => {
      if (current) setHtml(renderMarkdown(source));
    });
    return () => {
      current = false;
    };
  }, [source]);
  return source === null ? null : html;
}

/** Ctrl+Enter (⌘+Enter) in a text area posts its form: the keyboard path needs no Tab to the button. */
export function submitOnControlEnter(event: React.KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}
