import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795312614831 implements MigrationInterface {
    name = 'InitialSchema1795312614831'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "street" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(50) NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "community" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "streetId" integer NOT NULL, "name" varchar(50) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_3b34cbe8c7e759e88af1266a2e" ON "community" ("streetId") `);
        await queryRunner.query(`CREATE TABLE "grid" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "communityId" integer NOT NULL, "name" varchar(50) NOT NULL, "leaderUserId" integer)`);
        await queryRunner.query(`CREATE INDEX "IDX_3962109858920e353847a9a3ae" ON "grid" ("communityId") `);
        await queryRunner.query(`CREATE TABLE "building" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "communityId" integer NOT NULL, "gridId" integer NOT NULL, "name" varchar(50) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_f31e05d025fcf6442532f84863" ON "building" ("communityId") `);
        await queryRunner.query(`CREATE INDEX "IDX_bfa12aa39626363ef44ed89135" ON "building" ("gridId") `);
        await queryRunner.query(`CREATE TABLE "room" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "buildingId" integer NOT NULL, "unitName" varchar(20) NOT NULL, "roomNumber" varchar(20) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_af1637bdc6a64a34091df6115b" ON "room" ("buildingId", "unitName", "roomNumber") `);
        await queryRunner.query(`CREATE TABLE "notification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('REQUEST_ROUTED','REQUEST_ACCEPTED','REQUEST_PROGRESS','REQUEST_RESOLVED','REQUEST_REJECTED','REQUEST_REOPENED','REQUEST_RATED') ) NOT NULL, "title" varchar(50) NOT NULL, "body" varchar(200) NOT NULL, "requestId" integer, "readAt" datetime, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_b142beadffd32dfe9c1afc1c28" ON "notification" ("userId", "readAt") `);
        await queryRunner.query(`CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "residentUserId" integer, "creatorUserId" integer NOT NULL, "roomId" integer NOT NULL, "gridId" integer NOT NULL, "communityId" integer NOT NULL, "streetId" integer NOT NULL, "category" varchar CHECK( "category" IN ('INFRASTRUCTURE','LIVELIHOOD','ENVIRONMENT','DISPUTE','SPECIAL_GROUPS','CULTURE') ) NOT NULL, "subcategory" varchar(30) NOT NULL, "description" varchar(1000) NOT NULL, "urgency" varchar CHECK( "urgency" IN ('NORMAL','URGENT') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('MINI_PROGRAM','PHONE','WALK_IN','PATROL','SUGGESTION_BOX','DELIBERATION') ) NOT NULL, "showNamePublicly" boolean NOT NULL, "contactName" varchar(30) NOT NULL, "contactPhone" varchar(20), "status" varchar CHECK( "status" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ) NOT NULL, "level" varchar CHECK( "level" IN ('GRID','COMMUNITY','STREET') ) NOT NULL, "holderUserId" integer, "photoIds" text NOT NULL, "reopenCount" integer NOT NULL, "version" integer NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "resolvedAt" datetime, "closedAt" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_request_resident" ON "request" ("residentUserId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_street" ON "request" ("streetId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_community" ON "request" ("communityId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_inbox_status" ON "request" ("gridId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "timeline_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar CHECK( "action" IN ('SUBMIT','ACCEPT','ADD_PROGRESS','RESOLVE','REJECT','CANCEL','RATE','REOPEN','ESCALATE','WHISTLE','RETURN_WHISTLE') ) NOT NULL, "fromStatus" varchar CHECK( "fromStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ), "toStatus" varchar CHECK( "toStatus" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ) NOT NULL, "actorUserId" integer, "actorRole" varchar CHECK( "actorRole" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON','SYSTEM') ) NOT NULL, "note" varchar(1000), "photoIds" text NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_5bcd14f022f0e2de5deeb69023" ON "timeline_event" ("requestId", "id") `);
        await queryRunner.query(`CREATE TABLE "rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "round" integer NOT NULL, "raterUserId" integer NOT NULL, "speed" integer NOT NULL, "effect" integer NOT NULL, "attitude" integer NOT NULL, "comment" varchar(300), "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f7a7d1535476eff7460d624f21" ON "rating" ("requestId", "round") `);
        await queryRunner.query(`CREATE TABLE "photo" ("id" varchar(36) PRIMARY KEY NOT NULL, "ownerUserId" integer NOT NULL, "mime" varchar(20) NOT NULL, "bytes" integer NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_636d1dfeddb6a8f3adac1d2152" ON "photo" ("ownerUserId") `);
        await queryRunner.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"), CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"))`);
        await queryRunner.query(`CREATE TABLE "wechat_session" ("userId" integer PRIMARY KEY NOT NULL, "sessionKey" varchar(128) NOT NULL, "unionid" varchar(64), "updatedAt" datetime NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "wechat_session"`);
        await queryRunner.query(`DROP TABLE "user"`);
        await queryRunner.query(`DROP INDEX "IDX_636d1dfeddb6a8f3adac1d2152"`);
        await queryRunner.query(`DROP TABLE "photo"`);
        await queryRunner.query(`DROP INDEX "IDX_f7a7d1535476eff7460d624f21"`);
        await queryRunner.query(`DROP TABLE "rating"`);
        await queryRunner.query(`DROP INDEX "IDX_5bcd14f022f0e2de5deeb69023"`);
        await queryRunner.query(`DROP TABLE "timeline_event"`);
        await queryRunner.query(`DROP INDEX "IDX_request_inbox_status"`);
        await queryRunner.query(`DROP INDEX "IDX_request_community"`);
        await queryRunner.query(`DROP INDEX "IDX_request_street"`);
        await queryRunner.query(`DROP INDEX "IDX_request_resident"`);
        await queryRunner.query(`DROP TABLE "request"`);
        await queryRunner.query(`DROP INDEX "IDX_b142beadffd32dfe9c1afc1c28"`);
        await queryRunner.query(`DROP TABLE "notification"`);
        await queryRunner.query(`DROP INDEX "IDX_af1637bdc6a64a34091df6115b"`);
        await queryRunner.query(`DROP TABLE "room"`);
        await queryRunner.query(`DROP INDEX "IDX_bfa12aa39626363ef44ed89135"`);
        await queryRunner.query(`DROP INDEX "IDX_f31e05d025fcf6442532f84863"`);
        await queryRunner.query(`DROP TABLE "building"`);
        await queryRunner.query(`DROP INDEX "IDX_3962109858920e353847a9a3ae"`);
        await queryRunner.query(`DROP TABLE "grid"`);
        await queryRunner.query(`DROP INDEX "IDX_3b34cbe8c7e759e88af1266a2e"`);
        await queryRunner.query(`DROP TABLE "community"`);
        await queryRunner.query(`DROP TABLE "street"`);
    }

}
