import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202032306 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "af_side_effect_job" drop constraint if exists "af_side_effect_job_order_id_kind_subject_unique";`);
    this.addSql(`drop index if exists "IDX_af_side_effect_job_order_id_kind_unique";`);

    this.addSql(`alter table if exists "af_side_effect_job" add column if not exists "subject" text not null default '';`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_side_effect_job_order_id_kind_subject_unique" ON "af_side_effect_job" ("order_id", "kind", "subject") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_af_side_effect_job_order_id_kind_subject_unique";`);
    this.addSql(`alter table if exists "af_side_effect_job" drop column if exists "subject";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_side_effect_job_order_id_kind_unique" ON "af_side_effect_job" ("order_id", "kind") WHERE deleted_at IS NULL;`);
  }

}
