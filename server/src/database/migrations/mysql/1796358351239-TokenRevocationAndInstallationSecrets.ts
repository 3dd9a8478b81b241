import { MigrationInterface, QueryRunner } from "typeorm";

export class TokenRevocationAndInstallationSecrets1796358351239 implements MigrationInterface {
    name = 'TokenRevocationAndInstallationSecrets1796358351239'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`installation_secret\` (\`name\` varchar(50) NOT NULL, \`value\` varchar(100) NOT NULL, \`createdAt\` datetime NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`login_backoff\` (\`accountKey\` varchar(48) NOT NULL, \`origin\` varchar(64) NOT NULL, \`failures\` int NOT NULL, \`retryAt\` datetime NOT NULL, \`expiresAt\` datetime NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_f0d9348a0fb9b73db15c2dea61\` (\`expiresAt\`), PRIMARY KEY (\`accountKey\`, \`origin\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`home_binding_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`roomId\` int NOT NULL, \`action\` enum ('BIND', 'CONFIRM', 'REJECT') NOT NULL, \`actorUserId\` int NOT NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_home_binding_event_user_created\` (\`userId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`rate_counter\` (\`bucket\` varchar(120) NOT NULL, \`hits\` int NOT NULL, \`expiresAt\` datetime NOT NULL, INDEX \`IDX_6587363aa4f13c86d4c9c5dca2\` (\`expiresAt\`), PRIMARY KEY (\`bucket\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`request\` ADD \`publicSummary\` text NULL`);
        await queryRunner.query(`ALTER TABLE \`request\` ADD \`fromUnverifiedHome\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`photo\` ADD \`unattached\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`tokenVersion\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`suspendedAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`homeVerifiedAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`homeVerifiedByUserId\` int NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_photo_unattached_created\` ON \`photo\` (\`unattached\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_photo_unattached_created\` ON \`photo\``);
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`homeVerifiedByUserId\``);
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`homeVerifiedAt\``);
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`suspendedAt\``);
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`tokenVersion\``);
        await queryRunner.query(`ALTER TABLE \`photo\` DROP COLUMN \`unattached\``);
        await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`fromUnverifiedHome\``);
        await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`publicSummary\``);
        await queryRunner.query(`DROP INDEX \`IDX_6587363aa4f13c86d4c9c5dca2\` ON \`rate_counter\``);
        await queryRunner.query(`DROP TABLE \`rate_counter\``);
        await queryRunner.query(`DROP INDEX \`IDX_home_binding_event_user_created\` ON \`home_binding_event\``);
        await queryRunner.query(`DROP TABLE \`home_binding_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_f0d9348a0fb9b73db15c2dea61\` ON \`login_backoff\``);
        await queryRunner.query(`DROP TABLE \`login_backoff\``);
        await queryRunner.query(`DROP TABLE \`installation_secret\``);
    }

}
