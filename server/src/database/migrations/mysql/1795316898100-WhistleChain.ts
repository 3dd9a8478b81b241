import { MigrationInterface, QueryRunner } from "typeorm";

export class WhistleChain1795316898100 implements MigrationInterface {
    name = 'WhistleChain1795316898100'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`department\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(50) NOT NULL, \`kind\` enum ('POLICE', 'JUSTICE', 'CITY_MANAGEMENT', 'MARKET_REGULATION', 'FIRE', 'TRAFFIC_POLICE', 'CIVIL_AFFAIRS', 'HOUSING', 'WATER', 'POWER', 'HEATING', 'GAS', 'PROPERTY_MANAGEMENT', 'PAIRED_UNIT') NOT NULL, \`streetId\` int NOT NULL, \`pairedGridId\` int NULL, INDEX \`IDX_dde8740b55e92007f0591b7a3d\` (\`streetId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`routing_rule\` (\`id\` int NOT NULL AUTO_INCREMENT, \`streetId\` int NOT NULL, \`category\` enum ('INFRASTRUCTURE', 'LIVELIHOOD', 'ENVIRONMENT', 'DISPUTE', 'SPECIAL_GROUPS', 'CULTURE') NOT NULL, \`subcategory\` varchar(30) NULL, \`leadDepartmentId\` int NOT NULL, \`assistDepartmentIds\` text NOT NULL, \`updatedAt\` datetime NOT NULL, INDEX \`IDX_72c3ec58b2e2712e48a1aa276b\` (\`streetId\`, \`category\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`password_credential\` (\`userId\` int NOT NULL, \`hash\` varchar(200) NOT NULL, \`updatedAt\` datetime NOT NULL, PRIMARY KEY (\`userId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`login_throttle\` (\`account\` varchar(50) NOT NULL, \`failures\` int NOT NULL, \`windowStartedAt\` datetime NOT NULL, \`lockedUntil\` datetime NULL, \`version\` int NOT NULL, PRIMARY KEY (\`account\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`work_calendar_day\` (\`date\` varchar(10) NOT NULL, \`kind\` enum ('HOLIDAY', 'WORKDAY') NOT NULL, \`note\` varchar(50) NULL, PRIMARY KEY (\`date\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`deadline_policy\` (\`id\` int NOT NULL AUTO_INCREMENT, \`category\` varchar(30) NOT NULL, \`urgency\` enum ('NORMAL', 'URGENT') NOT NULL, \`level\` enum ('GRID', 'COMMUNITY', 'STREET') NOT NULL, \`acceptMinutes\` int NOT NULL, \`firstResponseMinutes\` int NOT NULL, \`resolveMinutes\` int NOT NULL, \`reportMinutes\` int NOT NULL, \`warnPercent\` int NOT NULL, UNIQUE INDEX \`IDX_deadline_policy_rule\` (\`category\`, \`urgency\`, \`level\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`request_deadline\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`kind\` enum ('ACCEPT', 'FIRST_RESPONSE', 'RESOLVE', 'REPORT') NOT NULL, \`level\` enum ('GRID', 'COMMUNITY', 'STREET') NOT NULL, \`unitType\` enum ('GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT') NOT NULL, \`unitId\` int NOT NULL, \`wallClock\` tinyint NOT NULL, \`startedAt\` datetime NOT NULL, \`warnAt\` datetime NOT NULL, \`dueAt\` datetime NOT NULL, \`state\` enum ('OPEN', 'YELLOW', 'RED', 'MET', 'ESCALATED', 'CANCELLED') NOT NULL, \`version\` int NOT NULL, \`metAt\` datetime NULL, \`claimToken\` varchar(36) NULL, INDEX \`IDX_request_deadline_request\` (\`requestId\`, \`state\`), INDEX \`IDX_request_deadline_unit\` (\`unitType\`, \`unitId\`, \`state\`, \`dueAt\`), INDEX \`IDX_request_deadline_due\` (\`state\`, \`dueAt\`), INDEX \`IDX_request_deadline_warn\` (\`state\`, \`warnAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`deadline_miss\` (\`id\` int NOT NULL AUTO_INCREMENT, \`deadlineId\` int NOT NULL, \`requestId\` int NOT NULL, \`kind\` enum ('ACCEPT', 'FIRST_RESPONSE', 'RESOLVE', 'REPORT') NOT NULL, \`unitType\` enum ('GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT') NOT NULL, \`unitId\` int NOT NULL, \`level\` enum ('GRID', 'COMMUNITY', 'STREET') NOT NULL, \`dueAt\` datetime NOT NULL, \`detectedAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_deadline_miss_deadline\` (\`deadlineId\`), INDEX \`IDX_deadline_miss_request\` (\`requestId\`), INDEX \`IDX_deadline_miss_unit\` (\`unitType\`, \`unitId\`, \`detectedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`deadline_extension\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`deadlineId\` int NOT NULL, \`kind\` enum ('ACCEPT', 'FIRST_RESPONSE', 'RESOLVE', 'REPORT') NOT NULL, \`level\` enum ('GRID', 'COMMUNITY', 'STREET') NOT NULL, \`minutes\` int NOT NULL, \`reason\` varchar(200) NOT NULL, \`state\` enum ('PENDING', 'APPROVED', 'REJECTED') NOT NULL, \`requestedByUserId\` int NOT NULL, \`decidedByUserId\` int NULL, \`decisionNote\` varchar(200) NULL, \`dueAtBefore\` datetime NOT NULL, \`dueAtAfter\` datetime NULL, \`createdAt\` datetime NOT NULL, \`decidedAt\` datetime NULL, INDEX \`IDX_deadline_extension_deadline\` (\`deadlineId\`, \`state\`), INDEX \`IDX_deadline_extension_request\` (\`requestId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`wechat_subscription\` (\`userId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`remaining\` int NOT NULL, \`updatedAt\` datetime NOT NULL, PRIMARY KEY (\`userId\`, \`templateId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`wechat_outbox\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`kind\` varchar(40) NOT NULL, \`requestId\` int NULL, \`page\` varchar(200) NOT NULL, \`data\` text NOT NULL, \`state\` enum ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD') NOT NULL, \`attempts\` int NOT NULL, \`nextAttemptAt\` datetime NOT NULL, \`claimedBy\` varchar(64) NULL, \`claimedAt\` datetime NULL, \`lastError\` varchar(200) NULL, \`sentAt\` datetime NULL, \`createdAt\` datetime NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_c9d864056b23f71f90fef74237\` (\`state\`, \`nextAttemptAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`whistle_assignment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`round\` int NOT NULL, \`departmentId\` int NOT NULL, \`role\` enum ('LEAD', 'ASSIST') NOT NULL, \`state\` enum ('NOTIFIED', 'REPORTED', 'RETURNED', 'DONE', 'RECALLED') NOT NULL, \`note\` varchar(500) NULL, \`plan\` varchar(500) NULL, \`returnedReason\` varchar(200) NULL, \`whistledByUserId\` int NOT NULL, \`notifiedAt\` datetime NOT NULL, \`reportedAt\` datetime NULL, \`finishedAt\` datetime NULL, \`reportDueAt\` datetime NULL, \`dueAt\` datetime NULL, \`version\` int NOT NULL, INDEX \`IDX_whistle_assignment_inbox\` (\`departmentId\`, \`state\`, \`dueAt\`), INDEX \`IDX_3d2586171ff5db38c7c7ad48c2\` (\`requestId\`, \`round\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`street\` ADD \`communityMayWhistle\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`timeline_event\` ADD \`departmentId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`departmentId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` CHANGE \`kind\` \`kind\` enum ('REQUEST_ROUTED', 'REQUEST_ACCEPTED', 'REQUEST_PROGRESS', 'REQUEST_RESOLVED', 'REQUEST_REJECTED', 'REQUEST_REOPENED', 'REQUEST_RATED', 'WHISTLE_ASSIGNED', 'WHISTLE_REPORTED', 'WHISTLE_RETURNED', 'WHISTLE_REOPENED', 'REQUEST_ESCALATED', 'DEADLINE_MISSED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`timeline_event\` CHANGE \`action\` \`action\` enum ('SUBMIT', 'ACCEPT', 'ADD_PROGRESS', 'RESOLVE', 'REJECT', 'CANCEL', 'RATE', 'REOPEN', 'ESCALATE', 'WHISTLE', 'RETURN_WHISTLE', 'REPORT', 'RETURN_ASSIST', 'REOPEN_TO_DEPARTMENT', 'REQUEST_EXTENSION', 'DECIDE_EXTENSION') NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`timeline_event\` CHANGE \`action\` \`action\` enum ('SUBMIT', 'ACCEPT', 'ADD_PROGRESS', 'RESOLVE', 'REJECT', 'CANCEL', 'RATE', 'REOPEN', 'ESCALATE', 'WHISTLE', 'RETURN_WHISTLE') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` CHANGE \`kind\` \`kind\` enum ('REQUEST_ROUTED', 'REQUEST_ACCEPTED', 'REQUEST_PROGRESS', 'REQUEST_RESOLVED', 'REQUEST_REJECTED', 'REQUEST_REOPENED', 'REQUEST_RATED') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`departmentId\``);
        await queryRunner.query(`ALTER TABLE \`timeline_event\` DROP COLUMN \`departmentId\``);
        await queryRunner.query(`ALTER TABLE \`street\` DROP COLUMN \`communityMayWhistle\``);
        await queryRunner.query(`DROP INDEX \`IDX_3d2586171ff5db38c7c7ad48c2\` ON \`whistle_assignment\``);
        await queryRunner.query(`DROP INDEX \`IDX_whistle_assignment_inbox\` ON \`whistle_assignment\``);
        await queryRunner.query(`DROP TABLE \`whistle_assignment\``);
        await queryRunner.query(`DROP INDEX \`IDX_c9d864056b23f71f90fef74237\` ON \`wechat_outbox\``);
        await queryRunner.query(`DROP TABLE \`wechat_outbox\``);
        await queryRunner.query(`DROP TABLE \`wechat_subscription\``);
        await queryRunner.query(`DROP INDEX \`IDX_deadline_extension_request\` ON \`deadline_extension\``);
        await queryRunner.query(`DROP INDEX \`IDX_deadline_extension_deadline\` ON \`deadline_extension\``);
        await queryRunner.query(`DROP TABLE \`deadline_extension\``);
        await queryRunner.query(`DROP INDEX \`IDX_deadline_miss_unit\` ON \`deadline_miss\``);
        await queryRunner.query(`DROP INDEX \`IDX_deadline_miss_request\` ON \`deadline_miss\``);
        await queryRunner.query(`DROP INDEX \`IDX_deadline_miss_deadline\` ON \`deadline_miss\``);
        await queryRunner.query(`DROP TABLE \`deadline_miss\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_deadline_warn\` ON \`request_deadline\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_deadline_due\` ON \`request_deadline\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_deadline_unit\` ON \`request_deadline\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_deadline_request\` ON \`request_deadline\``);
        await queryRunner.query(`DROP TABLE \`request_deadline\``);
        await queryRunner.query(`DROP INDEX \`IDX_deadline_policy_rule\` ON \`deadline_policy\``);
        await queryRunner.query(`DROP TABLE \`deadline_policy\``);
        await queryRunner.query(`DROP TABLE \`work_calendar_day\``);
        await queryRunner.query(`DROP TABLE \`login_throttle\``);
        await queryRunner.query(`DROP TABLE \`password_credential\``);
        await queryRunner.query(`DROP INDEX \`IDX_72c3ec58b2e2712e48a1aa276b\` ON \`routing_rule\``);
        await queryRunner.query(`DROP TABLE \`routing_rule\``);
        await queryRunner.query(`DROP INDEX \`IDX_dde8740b55e92007f0591b7a3d\` ON \`department\``);
        await queryRunner.query(`DROP TABLE \`department\``);
    }

}
