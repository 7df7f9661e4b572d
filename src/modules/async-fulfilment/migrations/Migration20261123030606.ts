import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123030606 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "af_side_effect_job" drop constraint if exists "af_side_effect_job_order_id_kind_unique";`);
    this.addSql(`alter table if exists "af_order_snapshot" drop constraint if exists "af_order_snapshot_order_id_unique";`);
    this.addSql(`alter table if exists "af_invoice_sequence" drop constraint if exists "af_invoice_sequence_scope_unique";`);
    this.addSql(`alter table if exists "af_invoice" drop constraint if exists "af_invoice_number_unique";`);
    this.addSql(`alter table if exists "af_invoice" drop constraint if exists "af_invoice_order_id_unique";`);
    this.addSql(`create table if not exists "af_invoice" ("id" text not null, "order_id" text not null, "number" text not null, "sequence_scope" text not null, "sequence_value" integer not null, "issued_at" timestamptz not null, "file_id" text null, "file_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "af_invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_invoice_deleted_at" ON "af_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_invoice_order_id_unique" ON "af_invoice" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_invoice_number_unique" ON "af_invoice" ("number") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "af_invoice_sequence" ("id" text not null, "scope" text not null, "last_value" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "af_invoice_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_invoice_sequence_deleted_at" ON "af_invoice_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_invoice_sequence_scope_unique" ON "af_invoice_sequence" ("scope") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "af_order_snapshot" ("id" text not null, "order_id" text not null, "display_id" integer not null, "currency_code" text not null, "schema_version" integer not null, "document" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "af_order_snapshot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_order_snapshot_deleted_at" ON "af_order_snapshot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_order_snapshot_order_id_unique" ON "af_order_snapshot" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "af_side_effect_job" ("id" text not null, "order_id" text not null, "order_display_id" integer null, "kind" text check ("kind" in ('invoice', 'mail', 'erp')) not null, "status" text check ("status" in ('queued', 'active', 'completed', 'failed', 'held', 'discarded')) not null default 'queued', "bullmq_job_id" text not null, "attempts" integer not null default 0, "max_attempts" integer not null, "last_error" text null, "last_error_stack_head" text null, "next_retry_at" timestamptz null, "error_history" jsonb null, "result" jsonb null, "event_id" text null, "started_at" timestamptz null, "completed_at" timestamptz null, "failed_at" timestamptz null, "discarded_at" timestamptz null, "discard_note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "af_side_effect_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_side_effect_job_deleted_at" ON "af_side_effect_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_side_effect_job_order_id_kind_unique" ON "af_side_effect_job" ("order_id", "kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_side_effect_job_status_kind" ON "af_side_effect_job" ("status", "kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_side_effect_job_created_at" ON "af_side_effect_job" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "af_invoice" cascade;`);

    this.addSql(`drop table if exists "af_invoice_sequence" cascade;`);

    this.addSql(`drop table if exists "af_order_snapshot" cascade;`);

    this.addSql(`drop table if exists "af_side_effect_job" cascade;`);
  }

}
