/** The server's clock. Deadlines are decided by it, never by a client; tests can substitute a fixed one. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
