/**
 * Working-day calendars per tenant (issue 14, API.md "Working days and deadlines"): the zone the
 * office keeps, its weekend, and its holidays by kind. A tenant without a calendar row works by
 * the calendar Alur ships (engine/calendar/indonesia-holidays.json); its first change copies that
 * calendar into these rows, so every later change is the tenant's own.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tenant_calendar', (t) => {
    t.comment('The working-day calendar a tenant set for itself; absent while the tenant works by the shipped one.');
    t.text('tenant_id').primary({ constraintName: 'tenant_calendar_pkey' }).references('id').inTable('tenant').withKeyName('tenant_calendar_tenant_fk').comment('Owning tenant.');
    t.text('zone').notNullable().comment('IANA zone or UTC offset of the office (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura WIT).');
    t.specificType('weekend', 'smallint[]').notNullable().comment('Days off every week as ISO weekdays (Monday 1 … Sunday 7).');
    t.integer('version').notNullable().comment('Raised by every change: deadlines planned on an older version are planned again.');
    t.timestamp('updated_at', { useTz: true }).notNullable().comment('When the calendar last changed (engine clock).');
  });
  await knex.schema.createTable('calendar_holiday', (t) => {
    t.comment('Days off of a tenant besides its weekend: national holidays, cuti bersama, regional holidays and closures.');
    t.text('tenant_id').notNullable().references('tenant_id').inTable('tenant_calendar').withKeyName('calendar_holiday_calendar_fk').onDelete('CASCADE').comment('Owning tenant (its calendar row).');
    t.date('date').notNullable().comment('The local date that is not a working day.');
    t.text('name').notNullable().comment('What the day is, e.g. Idul Fitri 1447 H.');
    t.text('kind').notNullable().comment('national, cuti-bersama, regional or closure.');
    t.text('source').nullable().comment('The decree the day comes from, when known (SKB, Perbup, a letter).');
    t.primary(['tenant_id', 'date'], { constraintName: 'calendar_holiday_pkey' });
  });
  await knex.raw("ALTER TABLE calendar_holiday ADD CONSTRAINT calendar_holiday_kind_check CHECK (kind IN ('national', 'cuti-bersama', 'regional', 'closure'))");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('calendar_holiday');
  await knex.schema.dropTable('tenant_calendar');
}
