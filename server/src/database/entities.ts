import { BookingCustodyEventEntity, BookingEntity } from '../modules/bookings/booking.entity';
import { ServiceOfferingEntity, ServiceRecurrenceEntity, ServiceSlotEntity } from '../modules/services/service.entities';
import { DepartmentEntity, RoutingRuleEntity } from '../modules/departments/department.entities';
import { InstallationSecret } from '../modules/auth/keys/installation-secret.entity';
import { LoginBackoff, PasswordCredential } from '../modules/auth/passwords/password.entities';
import { CalendarDayEntity, DeadlineMissEntity, DeadlinePolicyEntity, RequestDeadlineEntity } from '../modules/deadlines/deadline.entities';
import { DeadlineExtensionEntity } from '../modules/escalation/extension.entity';
import { Building, Community, Grid, Room, Street } from '../modules/geo/geo.entities';
import { Notification } from '../modules/notifications/notification.entity';
import { RatingEntity, RequestEntity, TimelineEventEntity } from '../modules/requests/request.entities';
import { Photo } from '../modules/uploads/photo.entity';
import { HomeBindingEventEntity, User, WechatSession } from '../modules/users/user.entity';
import { RateCounter } from '../modules/rate-limits/rate-counter.entity';
import { WechatOutboxMessage, WechatSubscription } from '../modules/wechat-messages/wechat-messages.entities';
import { WhistleAssignmentEntity } from '../modules/requests/whistle-assignment.entity';
import { METRICS_ENTITIES } from '../modules/metrics/metrics.entities';
import { ReviewProjectEntity, ReviewProjectEventEntity, ReviewProjectItemEntity, ReviewSettingsEntity } from '../modules/review/review.entities';

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
  PasswordCredential,
  LoginBackoff,
  RateCounter,
  HomeBindingEventEntity,
  InstallationSecret,
  WechatSubscription,
  WechatOutboxMessage,
  DepartmentEntity,
  RoutingRuleEntity,
  WhistleAssignmentEntity,
  CalendarDayEntity,
  DeadlinePolicyEntity,
  RequestDeadlineEntity,
  DeadlineMissEntity,
  DeadlineExtensionEntity,
  ServiceOfferingEntity,
  ServiceRecurrenceEntity,
  ServiceSlotEntity,
  BookingEntity,
  BookingCustodyEventEntity,
  ReviewSettingsEntity,
  ReviewProjectEntity,
  ReviewProjectItemEntity,
  ReviewProjectEventEntity,
  ...METRICS_ENTITIES,
];
