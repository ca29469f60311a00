import type { Request, Response } from 'express';
import { Clock } from '@majlis/kernel';
import { PROXY_ARRIVAL_MAX_AGE_MS, ReceivedAtStamp, proxyArrivalTime, stampReceivedAt } from './received-at';

describe('proxyArrivalTime (X-Request-Start of a trusted proxy)', () => {
  const now = new Date('2026-12-31T23:59:59.900Z');
  const before = (ms: number) => now.getTime() - ms;

  it.each([
    ['seconds with a fraction (nginx $msec)', `t=${(before(400) / 1000).toFixed(3)}`, before(400)],
    ['seconds with microseconds', `t=${(before(400) / 1000).toFixed(6)}`, before(400)],
    ['whole milliseconds', `t=${before(400)}`, before(400)],
    ['whole microseconds (HAProxy, Heroku)', `t=${before(400) * 1000}`, before(400)],
    ['without the t= prefix', `${before(400)}`, before(400)],
    ['whole seconds', `t=${Math.floor(before(2000) / 1000)}`, Math.floor(before(2000) / 1000) * 1000],
  ])('reads %s', (_form, header, expected) => {
    expect(proxyArrivalTime(header, now)?.getTime()).toBe(expected);
  });

  it('reads a time after now (the proxy clock ahead) as now: never later than the API received it', () => {
    expect(proxyArrivalTime(`t=${now.getTime() + 1500}`, now)).toEqual(now);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['not a number', 't=soon'],
    ['negative', 't=-1796198399000'],
    ['two values (the header sent twice)', `t=${before(10)}, t=${before(20)}`],
    ['a number with an exponent', 't=1.7e12'],
    ['too many digits', 't=17961983990000000000'],
    ['HTML', '<script>alert(1)</script>'],
  ])('ignores a header that is %s', (_case, header) => {
    expect(proxyArrivalTime(header, now)).toBeUndefined();
  });

  it('ignores a time older than the bound (a client header passed through, a wrong clock): the own stamp counts', () => {
    expect(proxyArrivalTime(`t=${before(PROXY_ARRIVAL_MAX_AGE_MS + 1)}`, now)).toBeUndefined();
    expect(proxyArrivalTime(`t=${before(PROXY_ARRIVAL_MAX_AGE_MS)}`, now)?.getTime()).toBe(
      before(PROXY_ARRIVAL_MAX_AGE_MS),
    );
    expect(proxyArrivalTime('t=0', now)).toBeUndefined();
  });
});

describe('stampReceivedAt', () => {
  const now = new Date('2026-12-31T23:59:59.900Z');
  const earlier = `t=${now.getTime() - 500}`;
  const stamp = (trustProxy: boolean, header?: string) => {
    const request = { headers: header === undefined ? {} : { 'x-request-start': header } } as Request & ReceivedAtStamp;
    let nextCalled = false;
    const clock: Clock = { now: () => now };
    stampReceivedAt(clock, { trustProxy })(request, {} as Response, () => (nextCalled = true));
    expect(nextCalled).toBe(true);
    return request.receivedAt;
  };

  it("takes the proxy's arrival time only when the proxy is trusted (TRUST_PROXY)", () => {
    expect(stamp(true, earlier)).toEqual(new Date(now.getTime() - 500));
    expect(stamp(false, earlier)).toEqual(now);
  });

  it('uses its own clock when a trusted proxy sent no usable time', () => {
    expect(stamp(true)).toEqual(now);
    expect(stamp(true, 'yesterday')).toEqual(now);
  });
});
