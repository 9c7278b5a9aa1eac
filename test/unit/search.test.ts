// Search is case- and accent-insensitive (API.md 1.1, "Changes to version 1 lines").
import { folded, matchesSearch } from '../../shared/domain/search';

describe('search', () => {
  it.each([
    ['integracao', 'Integração ERP'],
    ['INTEGRACAO', 'integração'],
    ['cafe', 'Café da manhã'],
    ['manha', 'Café da manhã'],
    ['pedidos', 'PEDIDOS'],
    ['sao paulo', 'São Paulo'],
  ])('%s finds %s', (search, name) => {
    expect(matchesSearch(folded(search), name)).toBe(true);
  });

  it('also folds the search itself, and still tells different words apart', () => {
    expect(matchesSearch(folded('Integração'), 'integracao')).toBe(true);
    expect(matchesSearch(folded('integracao'), 'integrador')).toBe(false);
  });

  it('matches the appKey too', () => {
    expect(matchesSearch(folded('01KB'), 'ERP', 'apk-shop-01KB0000000000000000000000')).toBe(true);
  });
});
