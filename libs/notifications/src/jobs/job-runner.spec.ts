import { parseCronItems } from 'graphile-worker';
import { CRON_ITEMS } from './job-runner.service';

describe('JobRunner', () => {
  it('declares recurring jobs graphile-worker accepts', () => {
    expect(parseCronItems(CRON_ITEMS).map((item) => item.task)).toEqual([
      'digests.schedule',
      'reminders.deadlines',
      'events.prune',
    ]);
  });
});
