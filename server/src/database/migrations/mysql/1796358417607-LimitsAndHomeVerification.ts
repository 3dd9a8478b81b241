import { MigrationInterface, QueryRunner } from "typeorm";

export class LimitsAndHomeVerification1796358417607 implements MigrationInterface {
    name = 'LimitsAndHomeVerification1796358417607'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`homeBoundAt\` datetime NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`homeBoundAt\``);
    }

}
