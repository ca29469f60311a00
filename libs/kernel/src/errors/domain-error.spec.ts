import { ensureAllowed } from '../policy/policy';
import { CommonReason } from './common.reasons';
import {
  ConflictError,
  DeadlinePassedError,
  ForbiddenError,
  refusalReasonCatalogues,
  refusalReasons,
} from './domain-error';

describe('refusal reasons', () => {
  it('declares an area’s reasons once: names map to themselves, the catalogue keeps code and meaning', () => {
    const Reason = refusalReasons('spec-area', {
      SHOP_CLOSED: { code: 'DEADLINE_PASSED', meaning: 'The shop is closed.' },
      OWNERS_ONLY: { code: 'FORBIDDEN', meaning: 'Owners only.' },
    });
    expect(Reason).toEqual({ SHOP_CLOSED: 'SHOP_CLOSED', OWNERS_ONLY: 'OWNERS_ONLY' });
    expect(refusalReasonCatalogues().find((catalogue) => catalogue.area === 'spec-area')?.reasons.SHOP_CLOSED).toEqual({
      code: 'DEADLINE_PASSED',
      meaning: 'The shop is closed.',
    });
  });

  it('puts the reason beside the other details, and keeps the code and message', () => {
    const error = new ConflictError('Changed since.', 'version').because(CommonReason.STALE_VERSION);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Changed since.');
    expect(error.reason).toBe('STALE_VERSION');
    expect(error.details).toEqual({ fields: { version: 'Changed since.' }, reason: 'STALE_VERSION' });
    expect(new DeadlinePassedError().reason).toBeUndefined();
  });

  it('ensureAllowed refuses with FORBIDDEN, its message and its reason', () => {
    expect(() => ensureAllowed(true, 'Owners only.', 'OWNERS_ONLY')).not.toThrow();
    let thrown: unknown;
    try {
      ensureAllowed(false, 'Owners only.', 'OWNERS_ONLY');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ForbiddenError);
    expect(thrown).toMatchObject({ code: 'FORBIDDEN', message: 'Owners only.', reason: 'OWNERS_ONLY' });
  });
});
