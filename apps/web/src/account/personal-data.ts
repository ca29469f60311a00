import { refreshSession } from '../app/apollo';
import { sessionStore } from '../app/session-store';

export const PERSONAL_DATA_PATH = '/me/personal-data';

/**
 * Everything the platform holds about the signed-in person (GET /me/personal-data, JSON), saved as a file. The
 * request carries the in-memory access token; an expired one is refreshed once. Throws on failure.
 */
export async function downloadPersonalData(): Promise<void> {
  const request = () =>
    fetch(PERSONAL_DATA_PATH, {
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${sessionStore.get().accessToken ?? ''}`,
      },
      credentials: 'same-origin',
    });
  let response = await request();
  if (response.status === 401 && (await refreshSession()).ok) response = await request();
  if (!response.ok) throw new PersonalDataError(response.status);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = 'majlis-personal-data.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export class PersonalDataError extends Error {
  constructor(readonly status: number) {
    super(`The personal data export answered HTTP ${status}.`);
  }
}
