import { MigrationInterface, QueryRunner } from "typeorm";

export class ReturnVisits1796356016866 implements MigrationInterface {
    name = 'ReturnVisits1796356016866'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`rating\` ADD \`source\` enum ('SELF', 'RETURN_VISIT') NOT NULL DEFAULT 'SELF'`);
        await queryRunner.query(`ALTER TABLE \`metric_counter\` ADD \`ratedReturnVisit\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`metric_counter\` ADD \`satisfiedReturnVisit\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`metric_counter\` ADD \`closedUnrated\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`timeline_event\` CHANGE \`action\` \`action\` enum ('SUBMIT', 'ACCEPT', 'ADD_PROGRESS', 'RESOLVE', 'REJECT', 'CANCEL', 'RATE', 'REOPEN', 'ESCALATE', 'WHISTLE', 'RETURN_WHISTLE', 'REPORT', 'RETURN_ASSIST', 'REOPEN_TO_DEPARTMENT', 'REQUEST_EXTENSION', 'DECIDE_EXTENSION', 'RETURN_VISIT_RATE', 'RETURN_VISIT_UNREACHABLE', 'CLOSE_UNRATED') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_request_status_resolved\` ON \`request\` (\`status\`, \`resolvedAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_request_status_resolved\` ON \`request\``);
        await queryRunner.query(`ALTER TABLE \`timeline_event\` CHANGE \`action\` \`action\` enum ('SUBMIT', 'ACCEPT', 'ADD_PROGRESS', 'RESOLVE', 'REJECT', 'CANCEL', 'RATE', 'REOPEN', 'ESCALATE', 'WHISTLE', 'RETURN_WHISTLE', 'REPORT', 'RETURN_ASSIST', 'REOPEN_TO_DEPARTMENT', 'REQUEST_EXTENSION', 'DECIDE_EXTENSION') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`metric_counter\` DROP COLUMN \`closedUnrated\``);
        await queryRunner.query(`ALTER TABLE \`metric_counter\` DROP COLUMN \`satisfiedReturnVisit\``);
        await queryRunner.query(`ALTER TABLE \`metric_counter\` DROP COLUMN \`ratedReturnVisit\``);
        await queryRunner.query(`ALTER TABLE \`rating\` DROP COLUMN \`source\``);
    }

}
