import { MigrationInterface, QueryRunner } from "typeorm";

export class TokenRevocationAndInstallationSecrets1796358348270 implements MigrationInterface {
    name = 'TokenRevocationAndInstallationSecrets1796358348270'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "installation_secret" ("name" varchar(50) PRIMARY KEY NOT NULL, "value" varchar(100) NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "login_backoff" ("accountKey" varchar(48) NOT NULL, "origin" varchar(64) NOT NULL, "failures" integer NOT NULL, "retryAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "version" integer NOT NULL, PRIMARY KEY ("accountKey", "origin"))`);
        await queryRunner.query(`CREATE INDEX "IDX_f0d9348a0fb9b73db15c2dea61" ON "login_backoff" ("expiresAt") `);
        await queryRunner.query(`CREATE TABLE "home_binding_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "roomId" integer NOT NULL, "action" varchar CHECK( "action" IN ('BIND','CONFIRM','REJECT') ) NOT NULL, "actorUserId" integer NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_home_binding_event_user_created" ON "home_binding_event" ("userId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "rate_counter" ("bucket" varchar(120) PRIMARY KEY NOT NULL, "hits" integer NOT NULL, "expiresAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_6587363aa4f13c86d4c9c5dca2" ON "rate_counter" ("expiresAt") `);
        await queryRunner.query(`DROP INDEX "IDX_request_status_resolved"`);
        await queryRunner.query(`DROP INDEX "IDX_request_board"`);
        await queryRunner.query(`DROP INDEX "IDX_request_community_created"`);
        await queryRunner.query(`DROP INDEX "IDX_request_inbox_status"`);
        await queryRunner.query(`DROP INDEX "IDX_request_community"`);
        await queryRunner.query(`DROP INDEX "IDX_request_street"`);
        await queryRunner.query(`DROP INDEX "IDX_request_resident"`);
        await queryRunner.query(`CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "residentUserId" integer, "creatorUserId" integer NOT NULL, "roomId" integer NOT NULL, "gridId" integer NOT NULL, "communityId" integer NOT NULL, "streetId" integer NOT NULL, "category" varchar CHECK( "category" IN ('INFRASTRUCTURE','LIVELIHOOD','ENVIRONMENT','DISPUTE','SPECIAL_GROUPS','CULTURE') ) NOT NULL, "subcategory" varchar(30) NOT NULL, "description" varchar(1000) NOT NULL, "urgency" varchar CHECK( "urgency" IN ('NORMAL','URGENT') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('MINI_PROGRAM','PHONE','WALK_IN','PATROL','SUGGESTION_BOX','DELIBERATION') ) NOT NULL, "showNamePublicly" boolean NOT NULL, "contactName" varchar(30) NOT NULL, "contactPhone" varchar(20), "status" varchar CHECK( "status" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ) NOT NULL, "level" varchar CHECK( "level" IN ('GRID','COMMUNITY','STREET') ) NOT NULL, "holderUserId" integer, "photoIds" text NOT NULL, "reopenCount" integer NOT NULL, "version" integer NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "resolvedAt" datetime, "closedAt" datetime, "publicSummary" text, "fromUnverifiedHome" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_request"("id", "residentUserId", "creatorUserId", "roomId", "gridId", "communityId", "streetId", "category", "subcategory", "description", "urgency", "channel", "showNamePublicly", "contactName", "contactPhone", "status", "level", "holderUserId", "photoIds", "reopenCount", "version", "createdAt", "updatedAt", "resolvedAt", "closedAt") SELECT "id", "residentUserId", "creatorUserId", "roomId", "gridId", "communityId", "streetId", "category", "subcategory", "description", "urgency", "channel", "showNamePublicly", "contactName", "contactPhone", "status", "level", "holderUserId", "photoIds", "reopenCount", "version", "createdAt", "updatedAt", "resolvedAt", "closedAt" FROM "request"`);
        await queryRunner.query(`DROP TABLE "request"`);
        await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
        await queryRunner.query(`CREATE INDEX "IDX_request_status_resolved" ON "request" ("status", "resolvedAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_board" ON "request" ("communityId", "status", "closedAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_community_created" ON "request" ("communityId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_inbox_status" ON "request" ("gridId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_community" ON "request" ("communityId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_street" ON "request" ("streetId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_resident" ON "request" ("residentUserId", "createdAt") `);
        await queryRunner.query(`DROP INDEX "IDX_636d1dfeddb6a8f3adac1d2152"`);
        await queryRunner.query(`CREATE TABLE "temporary_photo" ("id" varchar(36) PRIMARY KEY NOT NULL, "ownerUserId" integer NOT NULL, "mime" varchar(20) NOT NULL, "bytes" integer NOT NULL, "createdAt" datetime NOT NULL, "unattached" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_photo"("id", "ownerUserId", "mime", "bytes", "createdAt") SELECT "id", "ownerUserId", "mime", "bytes", "createdAt" FROM "photo"`);
        await queryRunner.query(`DROP TABLE "photo"`);
        await queryRunner.query(`ALTER TABLE "temporary_photo" RENAME TO "photo"`);
        await queryRunner.query(`CREATE INDEX "IDX_636d1dfeddb6a8f3adac1d2152" ON "photo" ("ownerUserId") `);
        await queryRunner.query(`CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, "departmentId" integer, "tags" text, "tokenVersion" integer NOT NULL DEFAULT (0), "suspendedAt" datetime, "homeVerifiedAt" datetime, "homeVerifiedByUserId" integer, CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"), CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"))`);
        await queryRunner.query(`INSERT INTO "temporary_user"("id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId", "tags") SELECT "id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId", "tags" FROM "user"`);
        await queryRunner.query(`DROP TABLE "user"`);
        await queryRunner.query(`ALTER TABLE "temporary_user" RENAME TO "user"`);
        await queryRunner.query(`CREATE INDEX "IDX_photo_unattached_created" ON "photo" ("unattached") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_photo_unattached_created"`);
        await queryRunner.query(`ALTER TABLE "user" RENAME TO "temporary_user"`);
        await queryRunner.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, "departmentId" integer, "tags" text, CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"), CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"))`);
        await queryRunner.query(`INSERT INTO "user"("id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId", "tags") SELECT "id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId", "tags" FROM "temporary_user"`);
        await queryRunner.query(`DROP TABLE "temporary_user"`);
        await queryRunner.query(`DROP INDEX "IDX_636d1dfeddb6a8f3adac1d2152"`);
        await queryRunner.query(`ALTER TABLE "photo" RENAME TO "temporary_photo"`);
        await queryRunner.query(`CREATE TABLE "photo" ("id" varchar(36) PRIMARY KEY NOT NULL, "ownerUserId" integer NOT NULL, "mime" varchar(20) NOT NULL, "bytes" integer NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "photo"("id", "ownerUserId", "mime", "bytes", "createdAt") SELECT "id", "ownerUserId", "mime", "bytes", "createdAt" FROM "temporary_photo"`);
        await queryRunner.query(`DROP TABLE "temporary_photo"`);
        await queryRunner.query(`CREATE INDEX "IDX_636d1dfeddb6a8f3adac1d2152" ON "photo" ("ownerUserId") `);
        await queryRunner.query(`DROP INDEX "IDX_request_resident"`);
        await queryRunner.query(`DROP INDEX "IDX_request_street"`);
        await queryRunner.query(`DROP INDEX "IDX_request_community"`);
        await queryRunner.query(`DROP INDEX "IDX_request_inbox_status"`);
        await queryRunner.query(`DROP INDEX "IDX_request_community_created"`);
        await queryRunner.query(`DROP INDEX "IDX_request_board"`);
        await queryRunner.query(`DROP INDEX "IDX_request_status_resolved"`);
        await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
        await queryRunner.query(`CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "residentUserId" integer, "creatorUserId" integer NOT NULL, "roomId" integer NOT NULL, "gridId" integer NOT NULL, "communityId" integer NOT NULL, "streetId" integer NOT NULL, "category" varchar CHECK( "category" IN ('INFRASTRUCTURE','LIVELIHOOD','ENVIRONMENT','DISPUTE','SPECIAL_GROUPS','CULTURE') ) NOT NULL, "subcategory" varchar(30) NOT NULL, "description" varchar(1000) NOT NULL, "urgency" varchar CHECK( "urgency" IN ('NORMAL','URGENT') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('MINI_PROGRAM','PHONE','WALK_IN','PATROL','SUGGESTION_BOX','DELIBERATION') ) NOT NULL, "showNamePublicly" boolean NOT NULL, "contactName" varchar(30) NOT NULL, "contactPhone" varchar(20), "status" varchar CHECK( "status" IN ('PENDING_ACCEPT','IN_PROGRESS','WHISTLED','RESOLVED','CLOSED','REJECTED','CANCELLED') ) NOT NULL, "level" varchar CHECK( "level" IN ('GRID','COMMUNITY','STREET') ) NOT NULL, "holderUserId" integer, "photoIds" text NOT NULL, "reopenCount" integer NOT NULL, "version" integer NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "resolvedAt" datetime, "closedAt" datetime)`);
        await queryRunner.query(`INSERT INTO "request"("id", "residentUserId", "creatorUserId", "roomId", "gridId", "communityId", "streetId", "category", "subcategory", "description", "urgency", "channel", "showNamePublicly", "contactName", "contactPhone", "status", "level", "holderUserId", "photoIds", "reopenCount", "version", "createdAt", "updatedAt", "resolvedAt", "closedAt") SELECT "id", "residentUserId", "creatorUserId", "roomId", "gridId", "communityId", "streetId", "category", "subcategory", "description", "urgency", "channel", "showNamePublicly", "contactName", "contactPhone", "status", "level", "holderUserId", "photoIds", "reopenCount", "version", "createdAt", "updatedAt", "resolvedAt", "closedAt" FROM "temporary_request"`);
        await queryRunner.query(`DROP TABLE "temporary_request"`);
        await queryRunner.query(`CREATE INDEX "IDX_request_resident" ON "request" ("residentUserId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_street" ON "request" ("streetId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_community" ON "request" ("communityId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_inbox_status" ON "request" ("gridId", "level", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_community_created" ON "request" ("communityId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_board" ON "request" ("communityId", "status", "closedAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_request_status_resolved" ON "request" ("status", "resolvedAt") `);
        await queryRunner.query(`DROP INDEX "IDX_6587363aa4f13c86d4c9c5dca2"`);
        await queryRunner.query(`DROP TABLE "rate_counter"`);
        await queryRunner.query(`DROP INDEX "IDX_home_binding_event_user_created"`);
        await queryRunner.query(`DROP TABLE "home_binding_event"`);
        await queryRunner.query(`DROP INDEX "IDX_f0d9348a0fb9b73db15c2dea61"`);
        await queryRunner.query(`DROP TABLE "login_backoff"`);
        await queryRunner.query(`DROP TABLE "installation_secret"`);
    }

}
