import { refreshSession } from '../../app/apollo';
import { sessionStore } from '../../app/session-store';

/**
 * The contributions' CSV is a REST route (`GET /consultations/<id>/contributions.csv`, moderators only) that wants
 * the same bearer token as GraphQL, which lives in memory: fetch it with the token (refreshed once if it expired)
 * and hand the file to the browser under the name the API gives it.
 */
export async function downloadContributionsCsv(consultationId: string): Promise<string> {
  const url = `/consultations/${encodeURIComponent(consultationId)}/contributions.csv`;
  const get = () =>
    fetch(url, {
      headers: { authorization: `Bearer ${sessionStore.get().accessToken ?? ''}`, accept: 'text/csv' },
      credentials: 'same-origin',
    });
  let response = await get();
  if (response.status === 401 && (await refreshSession()).ok) response = await get();
  if (!response.ok) throw new Error(`CSV ${response.status}`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `consultation-${consultationId}.csv`;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return filename;
}
