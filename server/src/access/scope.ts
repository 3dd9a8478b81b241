import { Place, PlaceColumn, placeColumnOf } from '@gezhi/shared';
import type { Viewer } from '../modules/requests/domain/viewer';

/** The columns a place (a request, a room, a home) is located by: shared/src/performers.ts. */
export type { Place, PlaceColumn };

/** What `Scope.narrow` needs of a query builder (TypeORM's SelectQueryBuilder has it; kept structural: no TypeORM here). */
export interface Narrowable<Q> {
  andWhere(where: string, parameters?: Record<string, unknown>): Q;
}

/**
 * A staff member's area — the one scope value: a grid leader's grid, a community officer's community, a street
 * officer's street; empty for anyone else (residents, liaisons, staff without a scope set). The same value answers
 * "is this place mine" (`covers`) and narrows a list query to it (`narrow`), so a list and a check cannot disagree.
 */
export class Scope {
  private constructor(
    /** the column the area is defined by (null: empty scope) */
    readonly column: PlaceColumn | null,
    readonly id: number | null,
  ) {}

  static of(viewer: Pick<Viewer, 'role' | PlaceColumn>): Scope {
    const column = placeColumnOf(viewer.role);
    const id = column ? viewer[column] : null;
    return column && id !== null ? new Scope(column, id) : new Scope(null, null);
  }

  get isEmpty(): boolean {
    return this.column === null;
  }

  /** the shared rule `coversPlace` (shared/src/performers.ts) of the viewer this scope is of */
  covers(place: Place): boolean {
    return this.column !== null && place[this.column] === this.id;
  }

  /**
   * Adds "inside this scope" to a query: `columns` names the query's column for each place column, or is the alias
   * of an entity with gridId/communityId/streetId columns (e.g. 'r' for a request). An empty scope matches nothing.
   */
  narrow<Q extends Narrowable<Q>>(query: Q, columns: string | Partial<Record<PlaceColumn, string>>): Q {
    const column = this.column === null ? undefined : typeof columns === 'string' ? `${columns}.${this.column}` : columns[this.column];
    if (column === undefined) return query.andWhere('1 = 0');
    return query.andWhere(`${column} = :scopeId`, { scopeId: this.id });
  }
}
