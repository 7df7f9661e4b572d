import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123035053 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "af_risk_review" drop constraint if exists "af_risk_review_order_id_unique";`);
    this.addSql(`create table if not exists "af_risk_review" ("id" text not null, "order_id" text not null, "order_display_id" integer null, "amount" real not null, "currency_code" text not null, "threshold" real not null, "reasons" jsonb not null, "customer_name" text null, "company_name" text null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "decided_by" text null, "decided_at" timestamptz null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "af_risk_review_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_risk_review_deleted_at" ON "af_risk_review" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_af_risk_review_order_id_unique" ON "af_risk_review" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_af_risk_review_status_created_at" ON "af_risk_review" ("status", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "af_risk_review" cascade;`);
  }

}
