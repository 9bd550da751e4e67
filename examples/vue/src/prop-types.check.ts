// Type-checked by `tsc --noEmit -p examples/vue` (never bundled): the props Vue's tooling sees for <hashdrop-room>.
// Each `@ts-expect-error` line must be a type error, or the check fails.
import type { GlobalComponents } from 'vue';

type RoomProps = InstanceType<GlobalComponents['hashdrop-room']>['$props'];

export const good: RoomProps = { endpoint: '/api', create: true, onHashdropStatusChange: (event) => event.status };
// @ts-expect-error `create` is a boolean, not a string
export const wrongAttribute: RoomProps = { create: 'yes' };
// @ts-expect-error the status event carries `status`, not `state`
export const wrongEvent: RoomProps = { onHashdropStatusChange: (event) => event.state };
