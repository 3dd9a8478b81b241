import { MigrationInterface, QueryRunner } from "typeorm";

export class SessionFourSchema1795329299733 implements MigrationInterface {
    name = 'SessionFourSchema1795329299733'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`metric_counter\` (\`grain\` varchar(1) NOT NULL, \`streetId\` int NOT NULL, \`bucket\` varchar(10) NOT NULL, \`gridId\` int NOT NULL, \`category\` varchar(20) NOT NULL, \`slot\` smallint NOT NULL, \`communityId\` int NOT NULL, \`received\` int NOT NULL DEFAULT '0', \`cancelled\` int NOT NULL DEFAULT '0', \`rejected\` int NOT NULL DEFAULT '0', \`resolvedFirst\` int NOT NULL DEFAULT '0', \`resolutions\` int NOT NULL DEFAULT '0', \`responseDecided\` int NOT NULL DEFAULT '0', \`responseOnTime\` int NOT NULL DEFAULT '0', \`resolveDecided\` int NOT NULL DEFAULT '0', \`resolveOnTime\` int NOT NULL DEFAULT '0', \`rated\` int NOT NULL DEFAULT '0', \`satisfied\` int NOT NULL DEFAULT '0', \`reopened\` int NOT NULL DEFAULT '0', \`speedSum\` int NOT NULL DEFAULT '0', \`effectSum\` int NOT NULL DEFAULT '0', \`attitudeSum\` int NOT NULL DEFAULT '0', \`handlingMinutes\` bigint NOT NULL DEFAULT '0', \`whistled\` int NOT NULL DEFAULT '0', \`missedAccept\` int NOT NULL DEFAULT '0', \`missedFirstResponse\` int NOT NULL DEFAULT '0', \`missedResolve\` int NOT NULL DEFAULT '0', \`missedReport\` int NOT NULL DEFAULT '0', \`h0\` int NOT NULL DEFAULT '0', \`h1\` int NOT NULL DEFAULT '0', \`h2\` int NOT NULL DEFAULT '0', \`h3\` int NOT NULL DEFAULT '0', \`h4\` int NOT NULL DEFAULT '0', \`h5\` int NOT NULL DEFAULT '0', \`h6\` int NOT NULL DEFAULT '0', \`h7\` int NOT NULL DEFAULT '0', \`h8\` int NOT NULL DEFAULT '0', \`h9\` int NOT NULL DEFAULT '0', \`h10\` int NOT NULL DEFAULT '0', \`h11\` int NOT NULL DEFAULT '0', \`h12\` int NOT NULL DEFAULT '0', \`h13\` int NOT NULL DEFAULT '0', \`h14\` int NOT NULL DEFAULT '0', INDEX \`IDX_metric_counter_grid\` (\`grain\`, \`gridId\`, \`bucket\`), INDEX \`IDX_metric_counter_community\` (\`grain\`, \`communityId\`, \`bucket\`), PRIMARY KEY (\`grain\`, \`streetId\`, \`bucket\`, \`gridId\`, \`category\`, \`slot\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`metric_outcome\` (\`grain\` varchar(1) NOT NULL, \`streetId\` int NOT NULL, \`receivedBucket\` varchar(10) NOT NULL, \`outcomeBucket\` varchar(10) NOT NULL, \`gridId\` int NOT NULL, \`category\` varchar(20) NOT NULL, \`slot\` smallint NOT NULL, \`communityId\` int NOT NULL, \`resolved\` int NOT NULL DEFAULT '0', \`cancelled\` int NOT NULL DEFAULT '0', \`rejected\` int NOT NULL DEFAULT '0', INDEX \`IDX_metric_outcome_grid\` (\`grain\`, \`gridId\`, \`receivedBucket\`), INDEX \`IDX_metric_outcome_community\` (\`grain\`, \`communityId\`, \`receivedBucket\`), PRIMARY KEY (\`grain\`, \`streetId\`, \`receivedBucket\`, \`outcomeBucket\`, \`gridId\`, \`category\`, \`slot\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`metric_department_counter\` (\`grain\` varchar(1) NOT NULL, \`streetId\` int NOT NULL, \`bucket\` varchar(10) NOT NULL, \`departmentId\` int NOT NULL, \`category\` varchar(20) NOT NULL, \`slot\` smallint NOT NULL, \`assigned\` int NOT NULL DEFAULT '0', \`assignedLead\` int NOT NULL DEFAULT '0', \`reported\` int NOT NULL DEFAULT '0', \`reportDecided\` int NOT NULL DEFAULT '0', \`reportOnTime\` int NOT NULL DEFAULT '0', \`reportMissed\` int NOT NULL DEFAULT '0', \`ended\` int NOT NULL DEFAULT '0', \`returned\` int NOT NULL DEFAULT '0', \`resolvedAsLead\` int NOT NULL DEFAULT '0', \`rated\` int NOT NULL DEFAULT '0', \`satisfied\` int NOT NULL DEFAULT '0', \`reopened\` int NOT NULL DEFAULT '0', \`speedSum\` int NOT NULL DEFAULT '0', \`effectSum\` int NOT NULL DEFAULT '0', \`attitudeSum\` int NOT NULL DEFAULT '0', INDEX \`IDX_metric_department_counter_department\` (\`grain\`, \`departmentId\`, \`bucket\`), PRIMARY KEY (\`grain\`, \`streetId\`, \`bucket\`, \`departmentId\`, \`category\`, \`slot\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`metric_item\` (\`requestId\` int NOT NULL, \`streetId\` int NOT NULL, \`communityId\` int NOT NULL, \`gridId\` int NOT NULL, \`category\` varchar(20) NOT NULL, \`receivedAt\` datetime NOT NULL, \`responseState\` varchar(8) NOT NULL, \`responseAt\` datetime NULL, \`resolveState\` varchar(8) NOT NULL, \`resolveAt\` datetime NULL, \`firstResolvedAt\` datetime NULL, \`handlingMinutes\` int NULL, \`conclusion\` varchar(10) NULL, \`concludedAt\` datetime NULL, \`version\` int NOT NULL, INDEX \`IDX_metric_item_resolved\` (\`streetId\`, \`firstResolvedAt\`), INDEX \`IDX_metric_item_resolve\` (\`streetId\`, \`resolveAt\`), INDEX \`IDX_metric_item_response\` (\`streetId\`, \`responseAt\`), PRIMARY KEY (\`requestId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`metric_assignment\` (\`assignmentId\` int NOT NULL, \`requestId\` int NOT NULL, \`departmentId\` int NOT NULL, \`streetId\` int NOT NULL, \`category\` varchar(20) NOT NULL, \`lead\` tinyint NOT NULL, \`notifiedAt\` datetime NOT NULL, \`reportState\` varchar(8) NOT NULL, \`reportAt\` datetime NULL, \`endKind\` varchar(10) NULL, \`endAt\` datetime NULL, \`version\` int NOT NULL, INDEX \`IDX_metric_assignment_request\` (\`requestId\`, \`departmentId\`), INDEX \`IDX_metric_assignment_street\` (\`streetId\`, \`notifiedAt\`), INDEX \`IDX_metric_assignment_end\` (\`departmentId\`, \`endAt\`), INDEX \`IDX_metric_assignment_report\` (\`departmentId\`, \`reportAt\`), INDEX \`IDX_metric_assignment_notified\` (\`departmentId\`, \`notifiedAt\`), PRIMARY KEY (\`assignmentId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`review_settings\` (\`communityId\` int NOT NULL, \`meetingDays\` text NOT NULL, \`recurrenceMinCount\` int NOT NULL, \`recurrenceWindowDays\` int NOT NULL, \`version\` int NOT NULL, \`updatedByUserId\` int NOT NULL, \`updatedAt\` datetime NOT NULL, PRIMARY KEY (\`communityId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`review_project\` (\`id\` int NOT NULL AUTO_INCREMENT, \`communityId\` int NOT NULL, \`streetId\` int NOT NULL, \`title\` varchar(100) NOT NULL, \`description\` varchar(500) NULL, \`ownerUserId\` int NOT NULL, \`deadline\` varchar(10) NOT NULL, \`status\` enum ('OPEN', 'CLOSED') NOT NULL, \`result\` varchar(500) NULL, \`meetingDate\` varchar(10) NULL, \`agendaEntryKeys\` text NOT NULL, \`createdByUserId\` int NOT NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, \`closedAt\` datetime NULL, \`closedByUserId\` int NULL, \`version\` int NOT NULL, INDEX \`IDX_review_project_owner\` (\`ownerUserId\`, \`status\`), INDEX \`IDX_review_project_street_closed\` (\`streetId\`, \`closedAt\`), INDEX \`IDX_review_project_street_created\` (\`streetId\`, \`createdAt\`), INDEX \`IDX_review_project_community_closed\` (\`communityId\`, \`closedAt\`), INDEX \`IDX_review_project_community_created\` (\`communityId\`, \`createdAt\`), INDEX \`IDX_review_project_community_status\` (\`communityId\`, \`status\`, \`deadline\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`review_project_item\` (\`projectId\` int NOT NULL, \`requestId\` int NOT NULL, \`gridId\` int NOT NULL, INDEX \`IDX_review_project_item_grid\` (\`gridId\`, \`projectId\`), INDEX \`IDX_review_project_item_request\` (\`requestId\`), PRIMARY KEY (\`projectId\`, \`requestId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`review_project_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`projectId\` int NOT NULL, \`kind\` enum ('CREATED', 'PROGRESS', 'CLOSED') NOT NULL, \`actorUserId\` int NOT NULL, \`note\` varchar(500) NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_review_project_event_project\` (\`projectId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`booking\` ADD \`completionPhotoIds\` text NULL`);
        await queryRunner.query(`ALTER TABLE \`service_offering\` ADD \`coordinatorUserId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` ADD \`bookingId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` CHANGE \`kind\` \`kind\` enum ('REQUEST_ROUTED', 'REQUEST_ACCEPTED', 'REQUEST_PROGRESS', 'REQUEST_RESOLVED', 'REQUEST_REJECTED', 'REQUEST_REOPENED', 'REQUEST_RATED', 'WHISTLE_ASSIGNED', 'WHISTLE_REPORTED', 'WHISTLE_RETURNED', 'WHISTLE_REOPENED', 'REQUEST_ESCALATED', 'DEADLINE_MISSED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'BOOKING_CONFIRMED', 'BOOKING_UPDATED', 'VISIT_BOOKED', 'VISIT_CANCELLED', 'PROJECT_CLOSED') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_67dc8558e30263a785823b5c42\` ON \`booking\` (\`serviceId\`, \`slotStartsAt\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_ab7ee73379a111531834f7020d\` ON \`service_recurrence\` (\`materialisedUntil\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_deadline_miss_due\` ON \`deadline_miss\` (\`dueAt\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_request_community_created\` ON \`request\` (\`communityId\`, \`createdAt\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_request_board\` ON \`request\` (\`communityId\`, \`status\`, \`closedAt\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_rating_created\` ON \`rating\` (\`createdAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_rating_created\` ON \`rating\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_board\` ON \`request\``);
        await queryRunner.query(`DROP INDEX \`IDX_request_community_created\` ON \`request\``);
        await queryRunner.query(`DROP INDEX \`IDX_deadline_miss_due\` ON \`deadline_miss\``);
        await queryRunner.query(`DROP INDEX \`IDX_ab7ee73379a111531834f7020d\` ON \`service_recurrence\``);
        await queryRunner.query(`DROP INDEX \`IDX_67dc8558e30263a785823b5c42\` ON \`booking\``);
        await queryRunner.query(`ALTER TABLE \`notification\` CHANGE \`kind\` \`kind\` enum ('REQUEST_ROUTED', 'REQUEST_ACCEPTED', 'REQUEST_PROGRESS', 'REQUEST_RESOLVED', 'REQUEST_REJECTED', 'REQUEST_REOPENED', 'REQUEST_RATED', 'WHISTLE_ASSIGNED', 'WHISTLE_REPORTED', 'WHISTLE_RETURNED', 'WHISTLE_REOPENED', 'REQUEST_ESCALATED', 'DEADLINE_MISSED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` DROP COLUMN \`bookingId\``);
        await queryRunner.query(`ALTER TABLE \`service_offering\` DROP COLUMN \`coordinatorUserId\``);
        await queryRunner.query(`ALTER TABLE \`booking\` DROP COLUMN \`completionPhotoIds\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_event_project\` ON \`review_project_event\``);
        await queryRunner.query(`DROP TABLE \`review_project_event\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_item_request\` ON \`review_project_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_item_grid\` ON \`review_project_item\``);
        await queryRunner.query(`DROP TABLE \`review_project_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_community_status\` ON \`review_project\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_community_created\` ON \`review_project\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_community_closed\` ON \`review_project\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_street_created\` ON \`review_project\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_street_closed\` ON \`review_project\``);
        await queryRunner.query(`DROP INDEX \`IDX_review_project_owner\` ON \`review_project\``);
        await queryRunner.query(`DROP TABLE \`review_project\``);
        await queryRunner.query(`DROP TABLE \`review_settings\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_assignment_notified\` ON \`metric_assignment\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_assignment_report\` ON \`metric_assignment\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_assignment_end\` ON \`metric_assignment\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_assignment_street\` ON \`metric_assignment\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_assignment_request\` ON \`metric_assignment\``);
        await queryRunner.query(`DROP TABLE \`metric_assignment\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_item_response\` ON \`metric_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_item_resolve\` ON \`metric_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_item_resolved\` ON \`metric_item\``);
        await queryRunner.query(`DROP TABLE \`metric_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_department_counter_department\` ON \`metric_department_counter\``);
        await queryRunner.query(`DROP TABLE \`metric_department_counter\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_outcome_community\` ON \`metric_outcome\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_outcome_grid\` ON \`metric_outcome\``);
        await queryRunner.query(`DROP TABLE \`metric_outcome\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_counter_community\` ON \`metric_counter\``);
        await queryRunner.query(`DROP INDEX \`IDX_metric_counter_grid\` ON \`metric_counter\``);
        await queryRunner.query(`DROP TABLE \`metric_counter\``);
    }

}
