import { SearchHitDetailColumns, searchHitDetailSql } from './search-hit-detail';

describe('searchHitDetailSql', () => {
  it('renders the keys given, in the fixed order whatever the order given', () => {
    expect(searchHitDetailSql({ space_slug: 'sp.slug', text: 't.body', title: 't.title', version_number: ':n' })).toBe(
      "json_build_object('title', t.title, 'text', t.body, 'version_number', :n, 'space_slug', sp.slug)",
    );
  });

  it('renders every key when all are given', () => {
    expect(
      searchHitDetailSql({
        end: 'a.end_offset',
        start: 'a.start_offset',
        version_number: 'v.number',
        text: 'a.body',
        title: 'NULL',
        space_slug: 'NULL',
      }),
    ).toBe(
      "json_build_object('title', NULL, 'text', a.body, 'version_number', v.number, 'start', a.start_offset, " +
        "'end', a.end_offset, 'space_slug', NULL)",
    );
  });

  it('leaves out keys given as undefined', () => {
    expect(searchHitDetailSql({ title: 'o.name', text: undefined })).toBe("json_build_object('title', o.name)");
  });

  it('renders an empty object when no key is given', () => {
    expect(searchHitDetailSql({})).toBe('json_build_object()');
  });

  it('refuses an empty expression (it would be malformed SQL)', () => {
    expect(() => searchHitDetailSql({ text: '  ' })).toThrow("Search detail 'text' has an empty SQL expression");
  });

  it('has no other keys: the compiler refuses one, and none is rendered', () => {
    // @ts-expect-error: `titel` is not a key of SearchHitDetail (tsc checks this spec: libs/kernel/tsconfig.spec.json)
    const misspelt: SearchHitDetailColumns = { titel: 'x.title' };
    expect(searchHitDetailSql(misspelt)).toBe('json_build_object()');
  });
});
