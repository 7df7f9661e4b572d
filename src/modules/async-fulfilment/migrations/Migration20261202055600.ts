import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202055600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "af_credit_request" drop constraint if exists "af_credit_request_source_key_unique";`);
    this.addSql(`create table if not exists "af_credit_request" ("id" text not null, "order_id" text not null, "source_key" text not null, "reason" text check ("reason" in ('refund', 'return')) not null, "details" jsonb not null, "order_canceled" boolean not null default false, "outcome" text null, "credit_note_id" text null, "absorbed_minor" integer not null default 0, "absorbed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "af_credit_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_credit_request_deleted_at" ON "af_credit_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_credit_request_source_key_unique" ON "af_credit_request" ("source_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_credit_request_order_id" ON "af_credit_request" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "af_credit_note" drop constraint if exists "af_credit_note_reason_check";`);

    this.addSql(`alter table if exists "af_credit_note" add constraint "af_credit_note_reason_check" check("reason" in ('cancellation', 'refund', 'return'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "af_credit_request" cascade;`);

    this.addSql(`alter table if exists "af_credit_note" drop constraint if exists "af_credit_note_reason_check";`);

    this.addSql(`alter table if exists "af_credit_note" add constraint "af_credit_note_reason_check" check("reason" in ('cancellation', 'refund'));`);
  }

}
