import { MigrationInterface, QueryRunner } from "typeorm";

export class LimitsAndHomeVerification1796358409345 implements MigrationInterface {
    name = 'LimitsAndHomeVerification1796358409345'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, "departmentId" integer, "tags" text, "tokenVersion" integer NOT NULL DEFAULT (0), "suspendedAt" datetime, "homeVerifiedAt" datetime, "homeVerifiedByUserId" integer, "homeBoundAt" datetime, CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"), CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"))`);
        await queryRunner.query(`INSERT INTO "temporary_user"("id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId", "tags", "tokenVersion", "suspendedAt", "homeVerifiedAt", "homeVerifiedByUserId") SELECT "id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId", "tags", "tokenVersion", "suspendedAt", "homeVerifiedAt", "homeVerifiedByUserId" FROM "user"`);
        await queryRunner.query(`DROP TABLE "user"`);
        await queryRunner.query(`ALTER TABLE "temporary_user" RENAME TO "user"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user" RENAME TO "temporary_user"`);
        await queryRunner.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, "departmentId" integer, "tags" text, "tokenVersion" integer NOT NULL DEFAULT (0), "suspendedAt" datetime, "homeVerifiedAt" datetime, "homeVerifiedByUserId" integer, CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"), CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"))`);
        await queryRunner.query(`INSERT INTO "user"("id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId", "tags", "tokenVersion", "suspendedAt", "homeVerifiedAt", "homeVerifiedByUserId") SELECT "id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId", "tags", "tokenVersion", "suspendedAt", "homeVerifiedAt", "homeVerifiedByUserId" FROM "temporary_user"`);
        await queryRunner.query(`DROP TABLE "temporary_user"`);
    }

}
