/** PostgreSQL's SQLSTATE for a unique-constraint violation, and how to recognise it on a driver error. */
const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? error;
  const { code, constraint: violated } = (driverError ?? {}) as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && (constraint === undefined || violated === constraint);
}
