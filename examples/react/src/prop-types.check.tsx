// Type-checked by `tsc --noEmit -p examples/react` (never bundled): each line below must be a type error, or the
// `@ts-expect-error` above it is itself an error and the check fails.
export const wrongTypes = (
  <>
    {/* @ts-expect-error `create` is a boolean, not a string */}
    <hashdrop-room endpoint="/api" create="yes" />
    {/* @ts-expect-error `unread` is a number */}
    <hashdrop-control-bar unread="3" />
    {/* @ts-expect-error the status event carries `status`, not `state` */}
    <hashdrop-room onhashdrop-status-change={(event) => event.state} />
    {/* @ts-expect-error `layout` is 'spotlight' or 'grid' */}
    <hashdrop-stage layout="carousel" />
  </>
);
