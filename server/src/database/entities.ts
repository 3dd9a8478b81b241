import { Building, Community, Grid, Room, Street } from '../modules/geo/geo.entities';
import { Notification } from '../modules/notifications/notification.entity';
import { RatingEntity, RequestEntity, TimelineEventEntity } from '../modules/requests/request.entities';
import { Photo } from '../modules/uploads/photo.entity';
import { User, WechatSession } from '../modules/users/user.entity';

/** Every entity of the schema; migrations are generated from exactly this list. */
export const ENTITIES = [
  Street,
  Community,
  Grid,
  Building,
  Room,
  User,
  WechatSession,
  Photo,
  RequestEntity,
  TimelineEventEntity,
  RatingEntity,
  Notification,
];
