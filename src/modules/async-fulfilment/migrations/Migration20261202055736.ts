import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202055736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "af_audit_entry" ("id" text not null, "order_id" text not null, "action" text check ("action" in ('retry', 'bulk_retry', 'discard', 'review_approve', 'review_reject', 'resend_mail', 'resync_erp', 'erase_personal_data')) not null, "actor_type" text check ("actor_type" in ('user', 'api_key', 'system')) not null, "actor_id" text null, "note" text null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "af_audit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_audit_entry_deleted_at" ON "af_audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_audit_entry_order_id_created_at" ON "af_audit_entry" ("order_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "af_audit_entry" cascade;`);
  }

}
