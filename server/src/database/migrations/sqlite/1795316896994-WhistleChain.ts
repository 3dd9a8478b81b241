import { MigrationInterface, QueryRunner } from "typeorm";

export class WhistleChain1795316896994 implements MigrationInterface {
    name = 'WhistleChain1795316896994'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(50) NOT NULL, "kind" varchar CHECK( "kind" IN ('POLICE','JUSTICE','CITY_MANAGEMENT','MARKET_REGULATION','FIRE','TRAFFIC_POLICE','CIVIL_AFFAIRS','HOUSING','WATER','POWER','HEATING','GAS','PROPERTY_MANAGEMENT','PAIRED_UNIT') ) NOT NULL, "streetId" integer NOT NULL, "pairedGridId" integer)`);
        await queryRunner.query(`CREATE INDEX "IDX_dde8740b55e92007f0591b7a3d" ON "department" ("streetId") `);
        await queryRunner.query(`CREATE TABLE "routing_rule" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "streetId" integer NOT NULL, "category" varchar CHECK( "category" IN ('INFRASTRUCTURE','LIVELIHOOD','ENVIRONMENT','DISPUTE','SPECIAL_GROUPS','CULTURE') ) NOT NULL, "subcategory" varchar(30), "leadDepartmentId" integer NOT NULL, "assistDepartmentIds" text NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_72c3ec58b2e2712e48a1aa276b" ON "routing_rule" ("streetId", "category") `);
        await queryRunner.query(`CREATE TABLE "password_credential" ("userId" integer PRIMARY KEY NOT NULL, "hash" varchar(200) NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "login_throttle" ("account" varchar(50) PRIMARY KEY NOT NULL, "failures" integer NOT NULL, "windowStartedAt" datetime NOT NULL, "lockedUntil" datetime, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "work_calendar_day" ("date" varchar(10) PRIMARY KEY NOT NULL, "kind" varchar CHECK( "kind" IN ('HOLIDAY','WORKDAY') ) NOT NULL, "note" varchar(50))`);
        await queryRunner.query(`CREATE TABLE "deadline_policy" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "category" varchar(30) NOT NULL, "urgency" varchar CHECK( "urgency" IN ('NORMAL','URGENT') ) NOT NULL, "level" varchar CHECK( "level" IN ('GRID','COMMUNITY','STREET') ) NOT NULL, "acceptMinutes" integer NOT NULL, "firstResponseMinutes" integer NOT NULL, "resolveMinutes" integer NOT NULL, "reportMinutes" integer NOT NULL, "warnPercent" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_deadline_policy_rule" ON "deadline_policy" ("category", "urgency", "level") `);
        await queryRunner.query(`CREATE TABLE "request_deadline" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('ACCEPT','FIRST_RESPONSE','RESOLVE','REPORT') ) NOT NULL, "level" varchar CHECK( "level" IN ('GRID','COMMUNITY','STREET') ) NOT NULL, "unitType" varchar CHECK( "unitType" IN ('GRID','COMMUNITY','STREET','DEPARTMENT') ) NOT NULL, "unitId" integer NOT NULL, "wallClock" boolean NOT NULL, "startedAt" datetime NOT NULL, "warnAt" datetime NOT NULL, "dueAt" datetime NOT NULL, "state" varchar CHECK( "state" IN ('OPEN','YELLOW','RED','MET','ESCALATED','CANCELLED') ) NOT NULL, "version" integer NOT NULL, "metAt" datetime, "claimToken" varchar(36))`);
        await queryRunner.query(`CREATE INDEX "IDX_request_deadline_request" ON "request_deadline" ("requestId", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_deadline_unit" ON "request_deadline" ("unitType", "unitId", "state", "dueAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_deadline_due" ON "request_deadline" ("state", "dueAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_deadline_warn" ON "request_deadline" ("state", "warnAt") `);
        await queryRunner.query(`CREATE TABLE "deadline_miss" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "deadlineId" integer NOT NULL, "requestId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('ACCEPT','FIRST_RESPONSE','RESOLVE','REPORT') ) NOT NULL, "unitType" varchar CHECK( "unitType" IN ('GRID','COMMUNITY','STREET','DEPARTMENT') ) NOT NULL, "unitId" integer NOT NULL, "level" varchar CHECK( "level" IN ('GRID','COMMUNITY','STREET') ) NOT NULL, "dueAt" datetime NOT NULL, "detectedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_deadline_miss_deadline" ON "deadline_miss" ("deadlineId") `);
        await queryRunner.query(`CREATE INDEX "IDX_deadline_miss_request" ON "deadline_miss" ("requestId") `);
        await queryRunner.query(`CREATE INDEX "IDX_deadline_miss_unit" ON "deadline_miss" ("unitType", "unitId", "detectedAt") `);
        await queryRunner.query(`CREATE TABLE "deadline_extension" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "deadlineId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('ACCEPT','FIRST_RESPONSE','RESOLVE','REPORT') ) NOT NULL, "level" varchar CHECK( "level" IN ('GRID','COMMUNITY','STREET') ) NOT NULL, "minutes" integer NOT NULL, "reason" varchar(200) NOT NULL, "state" varchar CHECK( "state" IN ('PENDING','APPROVED','REJECTED') ) NOT NULL, "requestedByUserId" integer NOT NULL, "decidedByUserId" integer, "decisionNote" varchar(200), "dueAtBefore" datetime NOT NULL, "dueAtAfter" datetime, "createdAt" datetime NOT NULL, "decidedAt" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_deadline_extension_deadline" ON "deadline_extension" ("deadlineId", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_deadline_extension_request" ON "deadline_extension" ("requestId", "id") `);
        await queryRunner.query(`CREATE TABLE "wechat_subscription" ("userId" integer NOT NULL, "templateId" varchar(64) NOT NULL, "remaining" integer NOT NULL, "updatedAt" datetime NOT NULL, PRIMARY KEY ("userId", "templateId"))`);
        await queryRunner.query(`CREATE TABLE "wechat_outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "templateId" varchar(64) NOT NULL, "kind" varchar(40) NOT NULL, "requestId" integer, "page" varchar(200) NOT NULL, "data" text NOT NULL, "state" varchar CHECK( "state" IN ('PENDING','SENDING','SENT','FAILED','DEAD') ) NOT NULL, "attempts" integer NOT NULL, "nextAttemptAt" datetime NOT NULL, "claimedBy" varchar(64), "claimedAt" datetime, "lastError" varchar(200), "sentAt" datetime, "createdAt" datetime NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_c9d864056b23f71f90fef74237" ON "wechat_outbox" ("state", "nextAttemptAt") `);
        await queryRunner.query(`CREATE TABLE "whistle_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "round" integer NOT NULL, "departmentId" integer NOT NULL, "role" varchar CHECK( "role" IN ('LEAD','ASSIST') ) NOT NULL, "state" varchar CHECK( "state" IN ('NOTIFIED','REPORTED','RETURNED','DONE','RECALLED') ) NOT NULL, "note" varchar(500), "plan" varchar(500), "returnedReason" varchar(200), "whistledByUserId" integer NOT NULL, "notifiedAt" datetime NOT NULL, "reportedAt" datetime, "finishedAt" datetime, "reportDueAt" datetime, "dueAt" datetime, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_whistle_assignment_inbox" ON "whistle_assignment" ("departmentId", "state", "dueAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_3d2586171ff5db38c7c7ad48c2" ON "whistle_assignment" ("requestId", "round") `);
        await queryRunner.query(`CREATE TABLE "temporary_street" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(50) NOT NULL, "communityMayWhistle" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_street"("id", "name") SELECT "id", "name" FROM "street"`);
        await queryRunner.query(`DROP TABLE "street"`);
        await queryRunner.query(`ALTER TABLE "temporary_street" RENAME TO "street"`);
        await queryRunner.query(`DROP INDEX "IDX_5bcd14f022f0e2de5deeb69023"`);
        await queryRunner.query(`CREATE TABLE "temporary_timeline_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar CHECK( "action" IN ('SUBMIT','ACCEPT','ADD_PROGRESS','RESOLVE','REJECT','CANCEL','RATE','REOPEN','ESCALATE','WHISTLE','RETURN_WHISTLE') ) NOT NULL, "fromStatus" varchar CHECK( "fromStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ), "toStatus" varchar CHECK( "toStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ) NOT NULL, "actorUserId" integer, "actorRole" varchar CHECK( "actorRole" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON','SYSTEM') ) NOT NULL, "note" varchar(1000), "photoIds" text NOT NULL, "createdAt" datetime NOT NULL, "departmentId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_timeline_event"("id", "requestId", "action", "fromStatus", "toStatus", "actorUserId", "actorRole", "note", "photoIds", "createdAt") SELECT "id", "requestId", "action", "fromStatus", "toStatus", "actorUserId", "actorRole", "note", "photoIds", "createdAt" FROM "timeline_event"`);
        await queryRunner.query(`DROP TABLE "timeline_event"`);
        await queryRunner.query(`ALTER TABLE "temporary_timeline_event" RENAME TO "timeline_event"`);
        await queryRunner.query(`CREATE INDEX "IDX_5bcd14f022f0e2de5deeb69023" ON "timeline_event" ("requestId", "id") `);
        await queryRunner.query(`CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, "departmentId" integer, CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"), CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"))`);
        await queryRunner.query(`INSERT INTO "temporary_user"("id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt") SELECT "id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt" FROM "user"`);
        await queryRunner.query(`DROP TABLE "user"`);
        await queryRunner.query(`ALTER TABLE "temporary_user" RENAME TO "user"`);
        await queryRunner.query(`DROP INDEX "IDX_b142beadffd32dfe9c1afc1c28"`);
        await queryRunner.query(`CREATE TABLE "temporary_notification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('REQUEST_ROUTED','REQUEST_ACCEPTED','REQUEST_PROGRESS','REQUEST_RESOLVED','REQUEST_REJECTED','REQUEST_REOPENED','REQUEST_RATED','WHISTLE_ASSIGNED','WHISTLE_REPORTED','WHISTLE_RETURNED','WHISTLE_REOPENED','REQUEST_ESCALATED','DEADLINE_MISSED','EXTENSION_REQUESTED','EXTENSION_DECIDED') ) NOT NULL, "title" varchar(50) NOT NULL, "body" varchar(200) NOT NULL, "requestId" integer, "readAt" datetime, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "temporary_notification"("id", "userId", "kind", "title", "body", "requestId", "readAt", "createdAt") SELECT "id", "userId", "kind", "title", "body", "requestId", "readAt", "createdAt" FROM "notification"`);
        await queryRunner.query(`DROP TABLE "notification"`);
        await queryRunner.query(`ALTER TABLE "temporary_notification" RENAME TO "notification"`);
        await queryRunner.query(`CREATE INDEX "IDX_b142beadffd32dfe9c1afc1c28" ON "notification" ("userId", "readAt") `);
        await queryRunner.query(`DROP INDEX "IDX_5bcd14f022f0e2de5deeb69023"`);
        await queryRunner.query(`CREATE TABLE "temporary_timeline_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar CHECK( "action" IN ('SUBMIT','ACCEPT','ADD_PROGRESS','RESOLVE','REJECT','CANCEL','RATE','REOPEN','ESCALATE','WHISTLE','RETURN_WHISTLE','REPORT','RETURN_ASSIST','REOPEN_TO_DEPARTMENT','REQUEST_EXTENSION','DECIDE_EXTENSION') ) NOT NULL, "fromStatus" varchar CHECK( "fromStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ), "toStatus" varchar CHECK( "toStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ) NOT NULL, "actorUserId" integer, "actorRole" varchar CHECK( "actorRole" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON','SYSTEM') ) NOT NULL, "note" varchar(1000), "photoIds" text NOT NULL, "createdAt" datetime NOT NULL, "departmentId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_timeline_event"("id", "requestId", "action", "fromStatus", "toStatus", "actorUserId", "actorRole", "note", "photoIds", "createdAt", "departmentId") SELECT "id", "requestId", "action", "fromStatus", "toStatus", "actorUserId", "actorRole", "note", "photoIds", "createdAt", "departmentId" FROM "timeline_event"`);
        await queryRunner.query(`DROP TABLE "timeline_event"`);
        await queryRunner.query(`ALTER TABLE "temporary_timeline_event" RENAME TO "timeline_event"`);
        await queryRunner.query(`CREATE INDEX "IDX_5bcd14f022f0e2de5deeb69023" ON "timeline_event" ("requestId", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_5bcd14f022f0e2de5deeb69023"`);
        await queryRunner.query(`ALTER TABLE "timeline_event" RENAME TO "temporary_timeline_event"`);
        await queryRunner.query(`CREATE TABLE "timeline_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar CHECK( "action" IN ('SUBMIT','ACCEPT','ADD_PROGRESS','RESOLVE','REJECT','CANCEL','RATE','REOPEN','ESCALATE','WHISTLE','RETURN_WHISTLE') ) NOT NULL, "fromStatus" varchar CHECK( "fromStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ), "toStatus" varchar CHECK( "toStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ) NOT NULL, "actorUserId" integer, "actorRole" varchar CHECK( "actorRole" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON','SYSTEM') ) NOT NULL, "note" varchar(1000), "photoIds" text NOT NULL, "createdAt" datetime NOT NULL, "departmentId" integer)`);
        await queryRunner.query(`INSERT INTO "timeline_event"("id", "requestId", "action", "fromStatus", "toStatus", "actorUserId", "actorRole", "note", "photoIds", "createdAt", "departmentId") SELECT "id", "requestId", "action", "fromStatus", "toStatus", "actorUserId", "actorRole", "note", "photoIds", "createdAt", "departmentId" FROM "temporary_timeline_event"`);
        await queryRunner.query(`DROP TABLE "temporary_timeline_event"`);
        await queryRunner.query(`CREATE INDEX "IDX_5bcd14f022f0e2de5deeb69023" ON "timeline_event" ("requestId", "id") `);
        await queryRunner.query(`DROP INDEX "IDX_b142beadffd32dfe9c1afc1c28"`);
        await queryRunner.query(`ALTER TABLE "notification" RENAME TO "temporary_notification"`);
        await queryRunner.query(`CREATE TABLE "notification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('REQUEST_ROUTED','REQUEST_ACCEPTED','REQUEST_PROGRESS','REQUEST_RESOLVED','REQUEST_REJECTED','REQUEST_REOPENED','REQUEST_RATED') ) NOT NULL, "title" varchar(50) NOT NULL, "body" varchar(200) NOT NULL, "requestId" integer, "readAt" datetime, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "notification"("id", "userId", "kind", "title", "body", "requestId", "readAt", "createdAt") SELECT "id", "userId", "kind", "title", "body", "requestId", "readAt", "createdAt" FROM "temporary_notification"`);
        await queryRunner.query(`DROP TABLE "temporary_notification"`);
        await queryRunner.query(`CREATE INDEX "IDX_b142beadffd32dfe9c1afc1c28" ON "notification" ("userId", "readAt") `);
        await queryRunner.query(`ALTER TABLE "user" RENAME TO "temporary_user"`);
        await queryRunner.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"), CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"))`);
        await queryRunner.query(`INSERT INTO "user"("id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt") SELECT "id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt" FROM "temporary_user"`);
        await queryRunner.query(`DROP TABLE "temporary_user"`);
        await queryRunner.query(`DROP INDEX "IDX_5bcd14f022f0e2de5deeb69023"`);
        await queryRunner.query(`ALTER TABLE "timeline_event" RENAME TO "temporary_timeline_event"`);
        await queryRunner.query(`CREATE TABLE "timeline_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar CHECK( "action" IN ('SUBMIT','ACCEPT','ADD_PROGRESS','RESOLVE','REJECT','CANCEL','RATE','REOPEN','ESCALATE','WHISTLE','RETURN_WHISTLE') ) NOT NULL, "fromStatus" varchar CHECK( "fromStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ), "toStatus" varchar CHECK( "toStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ) NOT NULL, "actorUserId" integer, "actorRole" varchar CHECK( "actorRole" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON','SYSTEM') ) NOT NULL, "note" varchar(1000), "photoIds" text NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "timeline_event"("id", "requestId", "action", "fromStatus", "toStatus", "actorUserId", "actorRole", "note", "photoIds", "createdAt") SELECT "id", "requestId", "action", "fromStatus", "toStatus", "actorUserId", "actorRole", "note", "photoIds", "createdAt" FROM "temporary_timeline_event"`);
        await queryRunner.query(`DROP TABLE "temporary_timeline_event"`);
        await queryRunner.query(`CREATE INDEX "IDX_5bcd14f022f0e2de5deeb69023" ON "timeline_event" ("requestId", "id") `);
        await queryRunner.query(`ALTER TABLE "street" RENAME TO "temporary_street"`);
        await queryRunner.query(`CREATE TABLE "street" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(50) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "street"("id", "name") SELECT "id", "name" FROM "temporary_street"`);
        await queryRunner.query(`DROP TABLE "temporary_street"`);
        await queryRunner.query(`DROP INDEX "IDX_3d2586171ff5db38c7c7ad48c2"`);
        await queryRunner.query(`DROP INDEX "IDX_whistle_assignment_inbox"`);
        await queryRunner.query(`DROP TABLE "whistle_assignment"`);
        await queryRunner.query(`DROP INDEX "IDX_c9d864056b23f71f90fef74237"`);
        await queryRunner.query(`DROP TABLE "wechat_outbox"`);
        await queryRunner.query(`DROP TABLE "wechat_subscription"`);
        await queryRunner.query(`DROP INDEX "IDX_deadline_extension_request"`);
        await queryRunner.query(`DROP INDEX "IDX_deadline_extension_deadline"`);
        await queryRunner.query(`DROP TABLE "deadline_extension"`);
        await queryRunner.query(`DROP INDEX "IDX_deadline_miss_unit"`);
        await queryRunner.query(`DROP INDEX "IDX_deadline_miss_request"`);
        await queryRunner.query(`DROP INDEX "IDX_deadline_miss_deadline"`);
        await queryRunner.query(`DROP TABLE "deadline_miss"`);
        await queryRunner.query(`DROP INDEX "IDX_request_deadline_warn"`);
        await queryRunner.query(`DROP INDEX "IDX_request_deadline_due"`);
        await queryRunner.query(`DROP INDEX "IDX_request_deadline_unit"`);
        await queryRunner.query(`DROP INDEX "IDX_request_deadline_request"`);
        await queryRunner.query(`DROP TABLE "request_deadline"`);
        await queryRunner.query(`DROP INDEX "IDX_deadline_policy_rule"`);
        await queryRunner.query(`DROP TABLE "deadline_policy"`);
        await queryRunner.query(`DROP TABLE "work_calendar_day"`);
        await queryRunner.query(`DROP TABLE "login_throttle"`);
        await queryRunner.query(`DROP TABLE "password_credential"`);
        await queryRunner.query(`DROP INDEX "IDX_72c3ec58b2e2712e48a1aa276b"`);
        await queryRunner.query(`DROP TABLE "routing_rule"`);
        await queryRunner.query(`DROP INDEX "IDX_dde8740b55e92007f0591b7a3d"`);
        await queryRunner.query(`DROP TABLE "department"`);
    }

}
