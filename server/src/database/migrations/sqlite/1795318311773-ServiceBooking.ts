import { MigrationInterface, QueryRunner } from "typeorm";

export class ServiceBooking1795318311773 implements MigrationInterface {
    name = 'ServiceBooking1795318311773'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "booking" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slotId" integer NOT NULL, "serviceId" integer NOT NULL, "residentUserId" integer NOT NULL, "roomId" integer, "gridId" integer, "slotStartsAt" datetime NOT NULL, "note" varchar(200), "providerUserId" integer, "providerNote" varchar(500), "completedAt" datetime, "ratingSpeed" integer, "ratingEffect" integer, "ratingAttitude" integer, "ratingComment" varchar(300), "ratedAt" datetime, "status" varchar(20) NOT NULL, "activeGuard" tinyint, "version" integer NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "cancelledAt" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_cf95da8c16ef372336dca98ea1" ON "booking" ("gridId", "slotStartsAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_dda4ab8de1a608c32ad957018c" ON "booking" ("residentUserId", "createdAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2a2d9edbb049d72dcba98e0df7" ON "booking" ("slotId", "residentUserId", "activeGuard") `);
        await queryRunner.query(`CREATE TABLE "booking_custody_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "bookingId" integer NOT NULL, "step" varchar(20) NOT NULL, "documents" text NOT NULL, "office" varchar(60), "note" varchar(200), "actorUserId" integer NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_955142fbd63798836d05e79d9d" ON "booking_custody_event" ("bookingId", "step") `);
        await queryRunner.query(`CREATE TABLE "service_offering" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "communityId" integer NOT NULL, "name" varchar(40) NOT NULL, "kind" varchar(20) NOT NULL, "description" varchar(500) NOT NULL, "durationMinutes" integer NOT NULL, "providerKind" varchar(20) NOT NULL, "providerName" varchar(40) NOT NULL, "eligibilityMode" varchar(20) NOT NULL, "eligibilityTags" text NOT NULL, "requiredDocuments" text NOT NULL, "bundleServiceIds" text NOT NULL, "active" boolean NOT NULL, "version" integer NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_7ebb2b8b90a6bf435d4e1e4d16" ON "service_offering" ("communityId", "active") `);
        await queryRunner.query(`CREATE TABLE "service_recurrence" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "serviceId" integer NOT NULL, "kind" varchar(10) NOT NULL, "monthDays" text NOT NULL, "weekdays" text NOT NULL, "startTime" varchar(5) NOT NULL, "endTime" varchar(5) NOT NULL, "capacity" integer NOT NULL, "skipHolidays" boolean NOT NULL, "validFrom" varchar(10) NOT NULL, "validUntil" varchar(10), "materialisedUntil" datetime NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_df148641cf8f7493e0f4c40bfa" ON "service_recurrence" ("serviceId") `);
        await queryRunner.query(`CREATE TABLE "service_slot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "serviceId" integer NOT NULL, "ruleId" integer, "startsAt" datetime NOT NULL, "endsAt" datetime NOT NULL, "capacity" integer NOT NULL, "booked" integer NOT NULL, "version" integer NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b15a0ef04b907a639ce32ce823" ON "service_slot" ("ruleId", "startsAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_44abdfababfea84aad3c07faf5" ON "service_slot" ("serviceId", "startsAt") `);
        await queryRunner.query(`CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, "departmentId" integer, "tags" text, CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"), CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"))`);
        await queryRunner.query(`INSERT INTO "temporary_user"("id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId") SELECT "id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId" FROM "user"`);
        await queryRunner.query(`DROP TABLE "user"`);
        await queryRunner.query(`ALTER TABLE "temporary_user" RENAME TO "user"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user" RENAME TO "temporary_user"`);
        await queryRunner.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "account" varchar(50), "nickname" varchar(30) NOT NULL, "realName" varchar(30), "phone" varchar(20), "role" varchar CHECK( "role" IN ('RESIDENT','GRID_LEADER','COMMUNITY_OFFICER','STREET_OFFICER','LIAISON') ) NOT NULL, "roomId" integer, "gridId" integer, "communityId" integer, "streetId" integer, "createdAt" datetime NOT NULL, "departmentId" integer, CONSTRAINT "UQ_0fda9260b0aaff9a5b8f38ac16c" UNIQUE ("openid"), CONSTRAINT "UQ_4ab2df0a57a74fdf904e0e27086" UNIQUE ("account"))`);
        await queryRunner.query(`INSERT INTO "user"("id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId") SELECT "id", "openid", "account", "nickname", "realName", "phone", "role", "roomId", "gridId", "communityId", "streetId", "createdAt", "departmentId" FROM "temporary_user"`);
        await queryRunner.query(`DROP TABLE "temporary_user"`);
        await queryRunner.query(`DROP INDEX "IDX_44abdfababfea84aad3c07faf5"`);
        await queryRunner.query(`DROP INDEX "IDX_b15a0ef04b907a639ce32ce823"`);
        await queryRunner.query(`DROP TABLE "service_slot"`);
        await queryRunner.query(`DROP INDEX "IDX_df148641cf8f7493e0f4c40bfa"`);
        await queryRunner.query(`DROP TABLE "service_recurrence"`);
        await queryRunner.query(`DROP INDEX "IDX_7ebb2b8b90a6bf435d4e1e4d16"`);
        await queryRunner.query(`DROP TABLE "service_offering"`);
        await queryRunner.query(`DROP INDEX "IDX_955142fbd63798836d05e79d9d"`);
        await queryRunner.query(`DROP TABLE "booking_custody_event"`);
        await queryRunner.query(`DROP INDEX "IDX_2a2d9edbb049d72dcba98e0df7"`);
        await queryRunner.query(`DROP INDEX "IDX_dda4ab8de1a608c32ad957018c"`);
        await queryRunner.query(`DROP INDEX "IDX_cf95da8c16ef372336dca98ea1"`);
        await queryRunner.query(`DROP TABLE "booking"`);
    }

}
