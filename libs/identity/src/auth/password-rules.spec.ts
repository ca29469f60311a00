import { passwordProblem } from './password-rules';

const KARIM = { email: 'karim.benjelloun@atlas-offshore.ma', displayName: 'Karim Benjelloun' };

describe('password rules', () => {
  it.each<[string, string, RegExp]>([
    ['too short', 'court-2026!', /at least 12/],
    ['too long', 'x'.repeat(129), /at most 128/],
    ['in the breached list', 'qwerty123456', /common or breached/],
    ['in the breached list, whatever the case', 'QWERTY123456', /common or breached/],
    ['the README’s demo password', 'Majlis-demo-2026', /platform/],
    ['the person’s family name', 'benjelloun-1987!', /your name or e-mail/],
    ['the person’s e-mail', 'karim.benjelloun', /your name or e-mail/],
    ['the organisation’s domain', 'atlas-offshore!!', /your name or e-mail/],
    ['a common password with digits', 'password1234', /common or breached/],
    ['a variation of a common password', 'P@ssw0rd2024!', /too easy to guess/],
    ['a repetition', 'aaaaaaaaaaaaaaaa', /too easy to guess/],
    ['a keyboard walk', 'qwertyuiop[]', /too easy to guess|common or breached/],
  ])('refuses %s', (_case, password, message) => {
    expect(passwordProblem(password, KARIM)).toMatch(message);
  });

  it.each(['un jardin de cèdres sous la neige', 'les oliviers de Meknès en automne', 'حديقة الأرز تحت الثلج'])(
    'accepts a passphrase: %s',
    (password) => {
      expect(passwordProblem(password, KARIM)).toBeNull();
    },
  );
});
