import { In } from 'typeorm';
import { countById, rowsById } from './rows-by-id';

class Thing {
  id!: string;
}

function managerWith(repository: Record<string, jest.Mock>) {
  return { getRepository: jest.fn(() => repository) } as unknown as Parameters<typeof rowsById>[0];
}

describe('rowsById and countById', () => {
  it('read nothing for an empty batch', async () => {
    const repository = { findBy: jest.fn(), countBy: jest.fn() };
    const manager = managerWith(repository);
    expect(await rowsById(manager, Thing, [])).toEqual(new Map());
    expect(await countById(manager, Thing, [])).toBe(0);
    expect(repository.findBy).not.toHaveBeenCalled();
    expect(repository.countBy).not.toHaveBeenCalled();
  });

  it('key the rows by id, leaving out ids with no row', async () => {
    const repository = { findBy: jest.fn().mockResolvedValue([{ id: 'a', name: 'A' }]) };
    const rows = await rowsById(managerWith(repository), Thing, ['a', 'b']);
    expect([...rows]).toEqual([['a', { id: 'a', name: 'A' }]]);
    expect(repository.findBy).toHaveBeenCalledWith({ id: In(['a', 'b']) });
  });

  it('count an id given twice once', async () => {
    const repository = { countBy: jest.fn().mockResolvedValue(2) };
    expect(await countById(managerWith(repository), Thing, ['a', 'b', 'a'])).toBe(2);
    expect(repository.countBy).toHaveBeenCalledWith({ id: In(['a', 'b']) });
  });
});
