import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202003731 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "af_invoice" add column if not exists "model" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "af_invoice" drop column if exists "model";`);
  }

}
