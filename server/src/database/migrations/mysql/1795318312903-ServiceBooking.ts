import { MigrationInterface, QueryRunner } from "typeorm";

export class ServiceBooking1795318312903 implements MigrationInterface {
    name = 'ServiceBooking1795318312903'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`booking\` (\`id\` int NOT NULL AUTO_INCREMENT, \`slotId\` int NOT NULL, \`serviceId\` int NOT NULL, \`residentUserId\` int NOT NULL, \`roomId\` int NULL, \`gridId\` int NULL, \`slotStartsAt\` datetime NOT NULL, \`note\` varchar(200) NULL, \`providerUserId\` int NULL, \`providerNote\` varchar(500) NULL, \`completedAt\` datetime NULL, \`ratingSpeed\` int NULL, \`ratingEffect\` int NULL, \`ratingAttitude\` int NULL, \`ratingComment\` varchar(300) NULL, \`ratedAt\` datetime NULL, \`status\` varchar(20) NOT NULL, \`activeGuard\` tinyint NULL, \`version\` int NOT NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, \`cancelledAt\` datetime NULL, INDEX \`IDX_cf95da8c16ef372336dca98ea1\` (\`gridId\`, \`slotStartsAt\`), INDEX \`IDX_dda4ab8de1a608c32ad957018c\` (\`residentUserId\`, \`createdAt\`), UNIQUE INDEX \`IDX_2a2d9edbb049d72dcba98e0df7\` (\`slotId\`, \`residentUserId\`, \`activeGuard\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`booking_custody_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`bookingId\` int NOT NULL, \`step\` varchar(20) NOT NULL, \`documents\` text NOT NULL, \`office\` varchar(60) NULL, \`note\` varchar(200) NULL, \`actorUserId\` int NOT NULL, \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_955142fbd63798836d05e79d9d\` (\`bookingId\`, \`step\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`service_offering\` (\`id\` int NOT NULL AUTO_INCREMENT, \`communityId\` int NOT NULL, \`name\` varchar(40) NOT NULL, \`kind\` varchar(20) NOT NULL, \`description\` varchar(500) NOT NULL, \`durationMinutes\` int NOT NULL, \`providerKind\` varchar(20) NOT NULL, \`providerName\` varchar(40) NOT NULL, \`eligibilityMode\` varchar(20) NOT NULL, \`eligibilityTags\` text NOT NULL, \`requiredDocuments\` text NOT NULL, \`bundleServiceIds\` text NOT NULL, \`active\` tinyint NOT NULL, \`version\` int NOT NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, INDEX \`IDX_7ebb2b8b90a6bf435d4e1e4d16\` (\`communityId\`, \`active\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`service_recurrence\` (\`id\` int NOT NULL AUTO_INCREMENT, \`serviceId\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`monthDays\` text NOT NULL, \`weekdays\` text NOT NULL, \`startTime\` varchar(5) NOT NULL, \`endTime\` varchar(5) NOT NULL, \`capacity\` int NOT NULL, \`skipHolidays\` tinyint NOT NULL, \`validFrom\` varchar(10) NOT NULL, \`validUntil\` varchar(10) NULL, \`materialisedUntil\` datetime NOT NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_df148641cf8f7493e0f4c40bfa\` (\`serviceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`service_slot\` (\`id\` int NOT NULL AUTO_INCREMENT, \`serviceId\` int NOT NULL, \`ruleId\` int NULL, \`startsAt\` datetime NOT NULL, \`endsAt\` datetime NOT NULL, \`capacity\` int NOT NULL, \`booked\` int NOT NULL, \`version\` int NOT NULL, \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_b15a0ef04b907a639ce32ce823\` (\`ruleId\`, \`startsAt\`), INDEX \`IDX_44abdfababfea84aad3c07faf5\` (\`serviceId\`, \`startsAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`tags\` text NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`tags\``);
        await queryRunner.query(`DROP INDEX \`IDX_44abdfababfea84aad3c07faf5\` ON \`service_slot\``);
        await queryRunner.query(`DROP INDEX \`IDX_b15a0ef04b907a639ce32ce823\` ON \`service_slot\``);
        await queryRunner.query(`DROP TABLE \`service_slot\``);
        await queryRunner.query(`DROP INDEX \`IDX_df148641cf8f7493e0f4c40bfa\` ON \`service_recurrence\``);
        await queryRunner.query(`DROP TABLE \`service_recurrence\``);
        await queryRunner.query(`DROP INDEX \`IDX_7ebb2b8b90a6bf435d4e1e4d16\` ON \`service_offering\``);
        await queryRunner.query(`DROP TABLE \`service_offering\``);
        await queryRunner.query(`DROP INDEX \`IDX_955142fbd63798836d05e79d9d\` ON \`booking_custody_event\``);
        await queryRunner.query(`DROP TABLE \`booking_custody_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_2a2d9edbb049d72dcba98e0df7\` ON \`booking\``);
        await queryRunner.query(`DROP INDEX \`IDX_dda4ab8de1a608c32ad957018c\` ON \`booking\``);
        await queryRunner.query(`DROP INDEX \`IDX_cf95da8c16ef372336dca98ea1\` ON \`booking\``);
        await queryRunner.query(`DROP TABLE \`booking\``);
    }

}
