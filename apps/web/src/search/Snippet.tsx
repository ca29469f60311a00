import { isSafeSnippet } from './links';

/** A hit's snippet: the API's escaped text with its `<mark>`s (checked again here), in the text's own direction. */
export function Snippet({ html }: { html: string }) {
  if (!isSafeSnippet(html)) return <span dir="auto">{html.replace(/<[^>]*>/g, '')}</span>;
  return <span dir="auto" className="search-snippet" dangerouslySetInnerHTML={{ __html: html }} />;
}
