import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202025333 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "af_credit_note" drop constraint if exists "af_credit_note_number_unique";`);
    this.addSql(`alter table if exists "af_credit_note" drop constraint if exists "af_credit_note_source_key_unique";`);
    this.addSql(`create table if not exists "af_credit_note" ("id" text not null, "order_id" text not null, "invoice_id" text not null, "number" text not null, "sequence_scope" text not null, "sequence_value" integer not null, "issued_at" timestamptz not null, "reason" text check ("reason" in ('cancellation', 'refund')) not null, "source_key" text not null, "model" jsonb not null, "file_id" text null, "file_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "af_credit_note_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_credit_note_deleted_at" ON "af_credit_note" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_credit_note_source_key_unique" ON "af_credit_note" ("source_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_credit_note_number_unique" ON "af_credit_note" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_credit_note_invoice_id" ON "af_credit_note" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_credit_note_order_id" ON "af_credit_note" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "af_credit_note" cascade;`);
  }

}
