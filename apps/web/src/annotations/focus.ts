import { useEffect, useRef } from 'react';

/**
 * When a form of the card closes (posted, saved or cancelled), its controls disappear: the focus goes back to the
 * element this ref is put on instead of being lost to the page.
 */
export function useReturnFocus<T extends HTMLElement>(reading: boolean) {
  const ref = useRef<T>(null);
  const wasReading = useRef(reading);
  useEffect(() => {
    if (reading && !wasReading.current) ref.current?.focus();
    wasReading.current = reading;
  }, [reading]);
  return ref;
}
