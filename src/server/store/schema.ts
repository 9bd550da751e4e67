/** Table shapes for Kysely, identical in SQLite and PostgreSQL (text and integer columns only; epoch ms as bigint). */
export interface RoomsTable {
  id: string;
  code: string;
  name: string;
  creator_id: string;
  scheduled_start_at: string | null;
  scheduled_end_at: string | null;
  status: string;
  policy: string;
  host_key_hash: string;
  call_generation: number;
  created_at: string;
  updated_at: string;
}

export interface RoomHostsTable {
  room_id: string;
  user_id: string;
  position: number;
}

export interface KnocksTable {
  id: string;
  room_id: string;
  identity: string;
  display_name: string;
  reason: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface BansTable {
  room_id: string;
  identity: string;
  created_at: string;
}

export interface WebhookEventsTable {
  id: string;
  received_at: string;
}

export interface EgressJobsTable {
  egress_id: string;
  room_id: string;
  kind: string;
  mode: string;
  layout: string | null;
  track_sid: string | null;
  status: string;
  stage: number;
  error: string | null;
  started_at: string | null;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CallRolesTable {
  room_id: string;
  identity: string;
  role: string;
}

export interface SeatsTable {
  room_id: string;
  identity: string;
  kind: string;
  /** Epoch ms (bigint: PostgreSQL hands it back as a string). */
  expires_at: number | string;
  connected: number;
  sid: string | null;
}

export interface RateCountersTable {
  key: string;
  window_start: number | string;
  count: number;
}

export interface Database {
  rooms: RoomsTable;
  room_hosts: RoomHostsTable;
  knocks: KnocksTable;
  bans: BansTable;
  webhook_events: WebhookEventsTable;
  egress_jobs: EgressJobsTable;
  call_roles: CallRolesTable;
  seats: SeatsTable;
  rate_counters: RateCountersTable;
}
