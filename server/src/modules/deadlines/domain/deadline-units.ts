import { DeadlineUnitType, HandlingLevel } from '@gezhi/shared';

export interface DeadlineUnit {
  unitType: DeadlineUnitType;
  unitId: number;
}

/** The unit a level's clock runs against (and a miss is recorded against). */
export function unitOfLevel(level: HandlingLevel, place: { gridId: number; communityId: number; streetId: number }): DeadlineUnit {
  switch (level) {
    case HandlingLevel.Grid:
      return { unitType: DeadlineUnitType.Grid, unitId: place.gridId };
    case HandlingLevel.Community:
      return { unitType: DeadlineUnitType.Community, unitId: place.communityId };
    case HandlingLevel.Street:
      return { unitType: DeadlineUnitType.Street, unitId: place.streetId };
  }
}
