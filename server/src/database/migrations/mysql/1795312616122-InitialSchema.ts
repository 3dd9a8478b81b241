import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795312616122 implements MigrationInterface {
    name = 'InitialSchema1795312616122'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`street\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(50) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`community\` (\`id\` int NOT NULL AUTO_INCREMENT, \`streetId\` int NOT NULL, \`name\` varchar(50) NOT NULL, INDEX \`IDX_3b34cbe8c7e759e88af1266a2e\` (\`streetId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`grid\` (\`id\` int NOT NULL AUTO_INCREMENT, \`communityId\` int NOT NULL, \`name\` varchar(50) NOT NULL, \`leaderUserId\` int NULL, INDEX \`IDX_3962109858920e353847a9a3ae\` (\`communityId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`building\` (\`id\` int NOT NULL AUTO_INCREMENT, \`communityId\` int NOT NULL, \`gridId\` int NOT NULL, \`name\` varchar(50) NOT NULL, INDEX \`IDX_f31e05d025fcf6442532f84863\` (\`communityId\`), INDEX \`IDX_bfa12aa39626363ef44ed89135\` (\`gridId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`room\` (\`id\` int NOT NULL AUTO_INCREMENT, \`buildingId\` int NOT NULL, \`unitName\` varchar(20) NOT NULL, \`roomNumber\` varchar(20) NOT NULL, UNIQUE INDEX \`IDX_af1637bdc6a64a34091df6115b\` (\`buildingId\`, \`unitName\`, \`roomNumber\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`notification\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`kind\` enum ('REQUEST_ROUTED', 'REQUEST_ACCEPTED', 'REQUEST_PROGRESS', 'REQUEST_RESOLVED', 'REQUEST_REJECTED', 'REQUEST_REOPENED', 'REQUEST_RATED') NOT NULL, \`title\` varchar(50) NOT NULL, \`body\` varchar(200) NOT NULL, \`requestId\` int NULL, \`readAt\` datetime NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_b142beadffd32dfe9c1afc1c28\` (\`userId\`, \`readAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`residentUserId\` int NULL, \`creatorUserId\` int NOT NULL, \`roomId\` int NOT NULL, \`gridId\` int NOT NULL, \`communityId\` int NOT NULL, \`streetId\` int NOT NULL, \`category\` enum ('INFRASTRUCTURE', 'LIVELIHOOD', 'ENVIRONMENT', 'DISPUTE', 'SPECIAL_GROUPS', 'CULTURE') NOT NULL, \`subcategory\` varchar(30) NOT NULL, \`description\` varchar(1000) NOT NULL, \`urgency\` enum ('NORMAL', 'URGENT') NOT NULL, \`channel\` enum ('MINI_PROGRAM', 'PHONE', 'WALK_IN', 'PATROL', 'SUGGESTION_BOX', 'DELIBERATION') NOT NULL, \`showNamePublicly\` tinyint NOT NULL, \`contactName\` varchar(30) NOT NULL, \`contactPhone\` varchar(20) NULL, \`status\` enum ('PENDING_ACCEPT', 'IN_PROGRESS', 'WHISTLED', 'RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED') NOT NULL, \`level\` enum ('GRID', 'COMMUNITY', 'STREET') NOT NULL, \`holderUserId\` int NULL, \`photoIds\` text NOT NULL, \`reopenCount\` int NOT NULL, \`version\` int NOT NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, \`resolvedAt\` datetime NULL, \`closedAt\` datetime NULL, INDEX \`IDX_request_resident\` (\`residentUserId\`, \`createdAt\`), INDEX \`IDX_request_street\` (\`streetId\`, \`level\`, \`status\`, \`createdAt\`), INDEX \`IDX_request_community\` (\`communityId\`, \`level\`, \`status\`, \`createdAt\`), INDEX \`IDX_request_inbox_status\` (\`gridId\`, \`level\`, \`status\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`timeline_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`action\` enum ('SUBMIT', 'ACCEPT', 'ADD_PROGRESS', 'RESOLVE', 'REJECT', 'CANCEL', 'RATE', 'REOPEN', 'ESCALATE', 'WHISTLE', 'RETURN_WHISTLE') NOT NULL, \`fromStatus\` enum ('PENDING_ACCEPT', 'IN_PROGRESS', 'WHISTLED', 'RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED') NULL, \`toStatus\` enum ('PENDING_ACCEPT', 'IN_PROGRESS', 'WHISTLED', 'RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED') NOT NULL, \`actorUserId\` int NULL, \`actorRole\` enum ('RESIDENT', 'GRID_LEADER', 'COMMUNITY_OFFICER', 'STREET_OFFICER', 'LIAISON', 'SYSTEM') NOT NULL, \`note\` varchar(1000) NULL, \`photoIds\` text NOT NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_5bcd14f022f0e2de5deeb69023\` (\`requestId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`rating\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`round\` int NOT NULL, \`raterUserId\` int NOT NULL, \`speed\` int NOT NULL, \`effect\` int NOT NULL, \`attitude\` int NOT NULL, \`comment\` varchar(300) NULL, \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_f7a7d1535476eff7460d624f21\` (\`requestId\`, \`round\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`photo\` (\`id\` varchar(36) NOT NULL, \`ownerUserId\` int NOT NULL, \`mime\` varchar(20) NOT NULL, \`bytes\` int NOT NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_636d1dfeddb6a8f3adac1d2152\` (\`ownerUserId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NULL, \`account\` varchar(50) NULL, \`nickname\` varchar(30) NOT NULL, \`realName\` varchar(30) NULL, \`phone\` varchar(20) NULL, \`role\` enum ('RESIDENT', 'GRID_LEADER', 'COMMUNITY_OFFICER', 'STREET_OFFICER', 'LIAISON') NOT NULL, \`roomId\` int NULL, \`gridId\` int NULL, \`communityId\` int NULL, \`streetId\` int NULL, \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_0fda9260b0aaff9a5b8f38ac16\` (\`openid\`), UNIQUE INDEX \`IDX_4ab2df0a57a74fdf904e0e2708\` (\`account\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`wechat_session\` (\`userId\` int NOT NULL, \`sessionKey\` varchar(128) NOT NULL, \`unionid\` varchar(64) NULL, \`updatedAt\` datetime NOT NULL, PRIMARY KEY (\`userId\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`wechat_session\``);
        await queryRunner.query(`DROP INDEX \`IDX_4ab2df0a57a74fdf904e0e2708\` ON \`user\``);
        await queryRunner.query(`DROP INDEX \`IDX_0fda9260b0aaff9a5b8f38ac16\` ON \`user\``);
        await queryRunner.query(`DROP TABLE \`user\``);
        await queryRunner.query(`DROP INDEX \`IDX_636d1dfeddb6a8f3adac1d2152\` ON \`photo\``);
        await queryRunner.query(`DROP TABLE \`photo\``);
        await queryRunner.query(`DROP INDEX \`IDX_f7a7d1535476eff7460d624f21\` ON \`rating\``);
        await queryRunner.query(`DROP TABLE \`rating\``);
        await queryRunner.query(`DROP INDEX \`IDX_5bcd14f022f0e2de5deeb69023\` ON \`timeline_event\``);
        await queryRunner.query(`DROP TABLE \`timeline_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_inbox_status\` ON \`request\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_community\` ON \`request\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_street\` ON \`request\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_resident\` ON \`request\``);
        await queryRunner.query(`DROP TABLE \`request\``);
        await queryRunner.query(`DROP INDEX \`IDX_b142beadffd32dfe9c1afc1c28\` ON \`notification\``);
        await queryRunner.query(`DROP TABLE \`notification\``);
        await queryRunner.query(`DROP INDEX \`IDX_af1637bdc6a64a34091df6115b\` ON \`room\``);
        await queryRunner.query(`DROP TABLE \`room\``);
        await queryRunner.query(`DROP INDEX \`IDX_bfa12aa39626363ef44ed89135\` ON \`building\``);
        await queryRunner.query(`DROP INDEX \`IDX_f31e05d025fcf6442532f84863\` ON \`building\``);
        await queryRunner.query(`DROP TABLE \`building\``);
        await queryRunner.query(`DROP INDEX \`IDX_3962109858920e353847a9a3ae\` ON \`grid\``);
        await queryRunner.query(`DROP TABLE \`grid\``);
        await queryRunner.query(`DROP INDEX \`IDX_3b34cbe8c7e759e88af1266a2e\` ON \`community\``);
        await queryRunner.query(`DROP TABLE \`community\``);
        await queryRunner.query(`DROP TABLE \`street\``);
    }

}
