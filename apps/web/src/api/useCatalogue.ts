import { useQueries, useQuery } from '@tanstack/react-query';
import { queries } from './queries';
import type { Category, Edition } from './types';

/** The editions and their categories, looked up by id: entries carry only the ids. */
export function useCatalogue() {
  const editions = useQuery(queries.editions());
  const list = editions.data ?? [];
  const categories = useQueries({ queries: list.map((edition) => queries.categories(edition.id)) });
  const editionById = new Map(list.map((edition) => [edition.id, edition]));
  const categoryById = new Map(categories.flatMap((query) => query.data ?? []).map((category) => [category.id, category]));
  return {
    isPending: editions.isPending || categories.some((query) => query.isPending),
    error: editions.error ?? categories.find((query) => query.error)?.error ?? null,
    editions: list,
    edition: (id: string): Edition | undefined => editionById.get(id),
    category: (id: string): Category | undefined => categoryById.get(id),
    categoriesOf: (editionId: string): Category[] => [...categoryById.values()].filter((category) => category.editionId === editionId),
  };
}
