/**
 * Runtime: process instances (jsonb snapshot + version), and the queryable projections of their
 * waits — user tasks, jobs (the outbox), timers, message and signal subscriptions, incidents —
 * plus the append-only history. Every row carries its tenant.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('process_instance', (t) => {
    t.comment('A running or finished process instance; the snapshot is the whole truth, the rest are projections.');
    t.text('id').primary().comment('Instance id: a UUID, or <parent id>-<key> for a call activity child (minted by the core).');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').comment('Owning tenant.');
    t.uuid('definition_id').notNullable().references('id').inTable('process_definition').comment('The definition version it runs.');
    t.text('process_key').notNullable().comment('Process key (denormalised for listing).');
    t.integer('process_version').notNullable().comment('Definition version (denormalised for listing).');
    t.text('business_key').nullable().comment('Caller-supplied business key, e.g. a permit number.');
    t.text('state').notNullable().comment('active, completed, terminated, cancelled or failed.');
    t.jsonb('snapshot').notNullable().comment('InstanceState of engine/core/state.ts.');
    t.integer('version').notNullable().comment('Incremented on every save (optimistic check and audit).');
    t.text('parent_instance_id').nullable().comment('Calling instance for a call activity child.');
    t.text('started_by').nullable().comment('Username that started it, if a person did.');
    t.timestamp('started_at', { useTz: true }).notNullable().comment('When it started (engine clock).');
    t.timestamp('ended_at', { useTz: true }).nullable().comment('When it ended (engine clock).');
    t.index(['tenant_id', 'process_key', 'state'], 'process_instance_tenant_key_state_idx');
    t.index(['tenant_id', 'business_key'], 'process_instance_tenant_business_key_idx');
  });

  await knex.schema.createTable('user_task', (t) => {
    t.comment('A human task (the inbox); opened and closed by task.open / task.close effects.');
    t.uuid('id').primary().comment('Opaque task id.');
    t.text('tenant_id').notNullable().comment('Owning tenant.');
    t.text('instance_id').notNullable().references('id').inTable('process_instance').comment('Its instance.');
    t.integer('key').notNullable().comment('Element-instance key in the snapshot.');
    t.text('element_id').notNullable().comment('BPMN element id.');
    t.text('name').nullable().comment('Task name.');
    t.text('process_key').notNullable().comment('Process key (denormalised for the inbox).');
    t.text('business_key').nullable().comment('Business key (denormalised for the inbox).');
    t.text('assignee').nullable().comment('Username holding the task, if claimed or assigned.');
    t.specificType('candidate_groups', 'text[]').notNullable().defaultTo('{}').comment('Groups whose members may claim it.');
    t.specificType('candidate_users', 'text[]').notNullable().defaultTo('{}').comment('Users who may claim it.');
    t.timestamp('due_at', { useTz: true }).nullable().comment('Due date.');
    t.timestamp('follow_up_at', { useTz: true }).nullable().comment('Follow-up date.');
    t.integer('priority').notNullable().defaultTo(50).comment('0..100, higher first.');
    t.text('form_id').nullable().comment('form-js form id (zeebe:formDefinition formId).');
    t.text('state').notNullable().comment('open, completed or cancelled.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When it opened.');
    t.timestamp('completed_at', { useTz: true }).nullable().comment('When it was completed or cancelled.');
    t.text('completed_by').nullable().comment('Username that completed it.');
    t.unique(['instance_id', 'key'], { indexName: 'user_task_instance_key_uq' });
    t.index(['tenant_id', 'state', 'assignee'], 'user_task_tenant_state_assignee_idx');
    t.index(['tenant_id', 'state', 'created_at'], 'user_task_tenant_state_idx');
  });
  await knex.raw('CREATE INDEX user_task_candidate_groups_idx ON user_task USING GIN (candidate_groups) WHERE state = \'open\'');
  await knex.raw('CREATE INDEX user_task_candidate_users_idx ON user_task USING GIN (candidate_users) WHERE state = \'open\'');

  await knex.schema.createTable('job', (t) => {
    t.comment('The outbox of service-task work; payload holds ids and headers only, variables are read at run time.');
    t.uuid('id').primary().comment('Opaque job id.');
    t.text('effect_id').notNullable().unique({ indexName: 'job_effect_id_uq' }).comment('instanceId-key-attempt: idempotency key of one attempt (also the queue job id).');
    t.text('tenant_id').notNullable().comment('Owning tenant.');
    t.text('instance_id').notNullable().references('id').inTable('process_instance').comment('Its instance.');
    t.integer('key').notNullable().comment('Element-instance key waiting for the job.');
    t.text('element_id').notNullable().comment('BPMN element id.');
    t.text('type').notNullable().comment('zeebe:taskDefinition type; picks the handler.');
    t.integer('retries').notNullable().comment('Attempts left, as in Zeebe.');
    t.jsonb('payload').notNullable().comment('{ headers }: static task headers. Never personal data.');
    t.timestamp('due_at', { useTz: true }).notNullable().comment('Not before (backoff).');
    t.integer('attempts').notNullable().defaultTo(0).comment('Deliveries so far.');
    t.timestamp('locked_until', { useTz: true }).nullable().comment('Lease of the worker running it.');
    t.text('state').notNullable().comment('ready, running, completed, failed or cancelled.');
    t.text('last_error').nullable().comment('Message of the last failure.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When it was enqueued.');
    t.index(['state', 'due_at'], 'job_state_due_idx');
    t.index(['instance_id', 'key'], 'job_instance_key_idx');
  });

  await knex.schema.createTable('timer', (t) => {
    t.comment('A scheduled timer: an instance timer (instance_id + key) or a timer start event (definition_id).');
    t.uuid('id').primary().comment('Opaque timer id.');
    t.text('tenant_id').notNullable().comment('Owning tenant.');
    t.text('instance_id').nullable().references('id').inTable('process_instance').comment('Waiting instance; null for a timer start event.');
    t.integer('key').nullable().comment('Element-instance key waiting.');
    t.uuid('definition_id').nullable().comment('For a timer start event: the definition to start.');
    t.text('element_id').notNullable().comment('BPMN element id.');
    t.timestamp('due_at', { useTz: true }).notNullable().comment('When it fires (engine clock).');
    t.jsonb('repeat').nullable().comment('For start-event cycles: { left, every }.');
    t.unique(['instance_id', 'key'], { indexName: 'timer_instance_key_uq' });
    t.index(['due_at'], 'timer_due_idx');
  });

  await knex.schema.createTable('message_subscription', (t) => {
    t.comment('An instance waiting for a message name + correlation key.');
    t.text('tenant_id').notNullable().comment('Owning tenant.');
    t.text('name').notNullable().comment('Message name.');
    t.text('correlation_key').nullable().comment('Evaluated correlation key.');
    t.text('instance_id').notNullable().references('id').inTable('process_instance').comment('Waiting instance.');
    t.integer('key').notNullable().comment('Element-instance key waiting.');
    t.text('element_id').notNullable().comment('BPMN element id.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When it subscribed (oldest wins).');
    t.primary(['instance_id', 'key'], { constraintName: 'message_subscription_pk' });
    t.index(['tenant_id', 'name', 'correlation_key'], 'message_subscription_tenant_name_key_idx');
  });

  await knex.schema.createTable('signal_subscription', (t) => {
    t.comment('An instance waiting for a signal name.');
    t.text('tenant_id').notNullable().comment('Owning tenant.');
    t.text('name').notNullable().comment('Signal name.');
    t.text('instance_id').notNullable().references('id').inTable('process_instance').comment('Waiting instance.');
    t.integer('key').notNullable().comment('Element-instance key waiting.');
    t.text('element_id').notNullable().comment('BPMN element id.');
    t.primary(['instance_id', 'key'], { constraintName: 'signal_subscription_pk' });
    t.index(['tenant_id', 'name'], 'signal_subscription_tenant_name_idx');
  });

  await knex.schema.createTable('incident', (t) => {
    t.comment('Something an operator must look at: a job out of retries, a failing expression.');
    t.uuid('id').primary().comment('Opaque incident id.');
    t.text('tenant_id').notNullable().comment('Owning tenant.');
    t.text('instance_id').notNullable().references('id').inTable('process_instance').comment('Its instance.');
    t.integer('key').notNullable().comment('Incident key in the snapshot (incident.open effect key).');
    t.text('element_id').notNullable().comment('BPMN element id.');
    t.text('type').notNullable().comment('job, expression, condition, unhandled-error, called-process, io-mapping.');
    t.text('message').notNullable().comment('What went wrong, without personal data.');
    t.text('state').notNullable().comment('open or resolved.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When it was raised.');
    t.timestamp('resolved_at', { useTz: true }).nullable().comment('When it was resolved.');
    t.unique(['instance_id', 'key'], { indexName: 'incident_instance_key_uq' });
    t.index(['tenant_id', 'state'], 'incident_tenant_state_idx');
  });

  await knex.schema.createTable('history', (t) => {
    t.comment('Append-only record of what happened to an instance, in order.');
    t.bigIncrements('id').primary().comment('Insertion order.');
    t.text('tenant_id').notNullable().comment('Owning tenant.');
    t.text('instance_id').notNullable().comment('Its instance (kept even if the instance row goes).');
    t.timestamp('at', { useTz: true }).notNullable().comment('Engine-clock time of the step.');
    t.text('type').notNullable().comment('HistoryEntry type, e.g. element.activated, task.completed.');
    t.text('element_id').nullable().comment('BPMN element id, if any.');
    t.text('username').nullable().comment('The acting user, if any.');
    t.jsonb('data').nullable().comment('Details (variables set, messages, errors).');
    t.index(['instance_id', 'id'], 'history_instance_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['history', 'incident', 'signal_subscription', 'message_subscription', 'timer', 'job', 'user_task', 'process_instance']) {
    await knex.schema.dropTableIfExists(table);
  }
}
